package no.pasientsignal.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A disk that fills up on command: the journal's segment channels are real files, but while {@link
 * #fail()} is in force every write stops part way (as a full disk does: a short write, then
 * {@code No space left on device}) and every fsync fails. Cutting a file back (truncate) still
 * works, as it does on a full disk. Reaches the journal through its package-private seam.
 */
public final class FailingDisk {

    public static final String NO_SPACE = "No space left on device";

    private final AtomicBoolean failing = new AtomicBoolean();

    /** Opens a journal whose segment files live on this disk. */
    public Journal open(Path dir, Clock clock, long segmentBytes, int queueCapacity, long retainBytes) {
        return Journal.open(dir, clock, segmentBytes, queueCapacity, retainBytes, this::channel);
    }

    /** From now on writes and fsyncs fail. */
    public void fail() {
        failing.set(true);
    }

    /** Writes succeed again. */
    public void recover() {
        failing.set(false);
    }

    private FileChannel channel(Path file, OpenOption... options) throws IOException {
        return new Channel(FileChannel.open(file, options));
    }

    /** Delegates to a real channel; writes and forces fail while the disk is failing. */
    private final class Channel extends FileChannel {
        private final FileChannel real;
        /** A failing write writes a little first (a torn record), the next one fails outright. */
        private boolean tornOnce;

        Channel(FileChannel real) {
            this.real = real;
        }

        private void check() throws IOException {
            if (failing.get()) {
                throw new IOException(NO_SPACE);
            }
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (failing.get() && !tornOnce) {
                tornOnce = true;
                for (int i = offset; i < offset + length; i++) {
                    if (srcs[i].remaining() > 1) {
                        ByteBuffer part = srcs[i].duplicate();
                        part.limit(part.position() + srcs[i].remaining() / 2);
                        int n = real.write(part);
                        srcs[i].position(srcs[i].position() + n);
                        return n;
                    }
                }
            }
            tornOnce = false;
            check();
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return real.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check();
            return real.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check();
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            check();
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("the journal does not map segments");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
