package no.pasientsignal.server.alarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open alarms, room presence and recent event ids of every site, as of journal record
 * {@code sequence}. Written now and then so a restart replays only the journal written since,
 * not years of it. The journal stays the truth: a missing or unreadable checkpoint only means a
 * longer replay from the start.
 */
public record AlarmCheckpoint(long sequence, Map<String, SiteState> sites) {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmCheckpoint.class);

    public record SiteState(List<Alarm> openAlarms, Map<String, String> presence, List<UUID> recentEventIds) {
        public SiteState {
            openAlarms = List.copyOf(openAlarms);
            presence = Map.copyOf(presence);
            recentEventIds = List.copyOf(recentEventIds);
        }
    }

    public AlarmCheckpoint {
        sites = Map.copyOf(sites);
    }

    public static AlarmCheckpoint empty() {
        return new AlarmCheckpoint(0, Map.of());
    }

    /** Writes atomically: a crash mid-write leaves the previous checkpoint, never half of one. */
    public void writeTo(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (var channel = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(AlarmRecords.encode(this)));
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write alarm checkpoint " + file, e);
        }
    }

    /** The checkpoint in {@code file}; empty when there is none or it cannot be read (then replay all). */
    public static Optional<AlarmCheckpoint> readFrom(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AlarmRecords.decode(Files.readAllBytes(file), AlarmCheckpoint.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Alarm checkpoint {} unreadable ({}); replaying the whole journal", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** This checkpoint with every journal record after it applied: the state at the journal's end. */
    public AlarmCheckpoint replay(Journal journal) {
        var builders = new HashMap<String, Builder>();
        sites.forEach((site, state) -> builders.put(site, new Builder(state)));
        long[] last = {sequence};
        journal.read(sequence + 1, record -> {
            apply(record, builders);
            last[0] = record.sequence();
        });
        var out = new LinkedHashMap<String, SiteState>();
        builders.forEach((site, b) -> out.put(site, b.build()));
        return new AlarmCheckpoint(last[0], out);
    }

    private static void apply(JournalRecord record, Map<String, Builder> builders) {
        switch (record.type()) {
            case AlarmRecords.ALARM -> {
                var r = AlarmRecords.decode(record.payload(), AlarmRecords.AlarmRecord.class);
                Builder b = builders.computeIfAbsent(r.site(), s -> new Builder(null));
                if (r.alarm().isOpen()) {
                    b.alarms.put(r.alarm().id(), r.alarm());
                } else {
                    b.alarms.remove(r.alarm().id());
                }
                if (r.alarm().originEventId() != null) {
                    b.seen(r.alarm().originEventId());
                }
            }
            case AlarmRecords.PRESENCE -> {
                var r = AlarmRecords.decode(record.payload(), AlarmRecords.PresenceRecord.class);
                Builder b = builders.computeIfAbsent(r.site(), s -> new Builder(null));
                if (r.present()) {
                    b.presence.put(r.room(), r.by());
                } else {
                    b.presence.remove(r.room());
                }
            }
            case AlarmRecords.DEVICE_EVENT -> {
                var r = AlarmRecords.decode(record.payload(), AlarmRecords.DeviceEventRecord.class);
                builders.computeIfAbsent(r.site(), s -> new Builder(null)).seen(r.event());
            }
            default -> {
                // other record types (logins, configuration...) do not touch alarm state
            }
        }
    }

    private static final class Builder {
        final Map<UUID, Alarm> alarms = new LinkedHashMap<>();
        final Map<String, String> presence = new HashMap<>();
        final LinkedHashSet<UUID> eventIds = new LinkedHashSet<>();

        Builder(SiteState from) {
            if (from != null) {
                from.openAlarms().forEach(a -> alarms.put(a.id(), a));
                presence.putAll(from.presence());
                eventIds.addAll(from.recentEventIds());
            }
        }

        void seen(UUID id) {
            eventIds.remove(id);
            eventIds.add(id);
            if (eventIds.size() > AlarmService.CHECKPOINT_EVENT_IDS) {
                eventIds.removeFirst();
            }
        }

        SiteState build() {
            return new SiteState(new ArrayList<>(alarms.values()), presence, new ArrayList<>(eventIds));
        }
    }
}
