package no.pasientsignal.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files, read and written with the JDK only: certificates as {@code CERTIFICATE} blocks (a
 * chain is several blocks, leaf first), private keys as unencrypted PKCS#8 {@code PRIVATE KEY}
 * blocks, certificate requests as {@code CERTIFICATE REQUEST}. The same files work with openssl.
 *
 * <p>Writes are atomic: the content goes to a temporary file in the target directory, is flushed
 * to disk and then renamed over the target, so a crash leaves either the old file or the complete
 * new one, never half a key. Private key files get mode 600 (from the moment they are created) and
 * certificates 644 where the file system supports POSIX permissions. Text around PEM blocks (as
 * in {@code openssl x509 -text} output) is ignored when reading.
 */
public final class Pem {

    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private Pem() {}

    /** One decoded PEM block. */
    record Block(String type, byte[] der) {}

    // ---------------------------------------------------------------- writing

    /** Writes the certificates (a chain: leaf first) atomically, mode 644. */
    public static void writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        writeCertificates(file, List.of(certificates));
    }

    /** Writes the certificates (a chain: leaf first) atomically, mode 644. */
    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificates to write to " + file);
        }
        writeAtomically(file, encodeCertificates(certificates).getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Writes the key as an unencrypted PKCS#8 {@code PRIVATE KEY} block, atomically, mode 600. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Objects.requireNonNull(key, "key");
        byte[] pkcs8 = key.getEncoded();
        if (pkcs8 == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key cannot be exported as PKCS#8 (format " + key.getFormat() + ")");
        }
        writeAtomically(file, encode(PRIVATE_KEY, pkcs8).getBytes(StandardCharsets.US_ASCII), true);
    }

    /** Writes a DER PKCS#10 request as a {@code CERTIFICATE REQUEST} block, atomically, mode 644. */
    public static void writeCertificateRequest(Path file, byte[] pkcs10Der) throws IOException {
        writeAtomically(file, encode(CERTIFICATE_REQUEST, pkcs10Der).getBytes(StandardCharsets.US_ASCII), false);
    }

    /** PEM text of the certificates, leaf first. */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(encode(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode certificate", e);
            }
        }
        return out.toString();
    }

    /** One PEM block: header, base64 in 64-character lines, footer, each line ending in {@code \n}. */
    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    // ---------------------------------------------------------------- reading

    /**
     * All {@code CERTIFICATE} blocks in the file, in file order.
     *
     * @throws IOException if the file is missing or unreadable, has no certificate or a block the
     *     JDK cannot parse; the message names the file
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(file)) {
            if (block.type().equals(CERTIFICATE)) {
                certificates.add(parseCertificate(file, block.der()));
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + ": no PEM CERTIFICATE block found");
        }
        return List.copyOf(certificates);
    }

    /** The first certificate in the file (the leaf, for a chain file). */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificates(file).getFirst();
    }

    /**
     * The EC private key in the file's {@code PRIVATE KEY} (PKCS#8) block, as a JDK key.
     *
     * @throws IOException if the file is missing, has no PKCS#8 key or the key is not EC; the
     *     message names the file and, for other key formats, how to convert them
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        List<Block> blocks = blocks(file);
        for (Block block : blocks) {
            if (block.type().equals(PRIVATE_KEY)) {
                try {
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new IOException(file + ": not an EC PKCS#8 private key (" + e.getMessage() + ")", e);
                }
            }
        }
        for (Block block : blocks) {
            if (block.type().equals("EC PRIVATE KEY")) {
                throw new IOException(file + ": SEC1 'EC PRIVATE KEY' is not supported, convert it to PKCS#8 with:"
                        + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key-pkcs8.pem");
            }
            if (block.type().equals("ENCRYPTED PRIVATE KEY")) {
                throw new IOException(file + ": encrypted private keys are not supported, decrypt with:"
                        + " openssl pkcs8 -in " + file + " -out key-pkcs8.pem");
            }
        }
        throw new IOException(file + ": no PEM PRIVATE KEY block found");
    }

    /**
     * The DER bytes of a PKCS#10 request file: a PEM {@code CERTIFICATE REQUEST} (or {@code NEW
     * CERTIFICATE REQUEST}) block, or, if the file has no PEM block at all, the raw file as DER.
     * The content is not checked here; {@link SiteCa#signDeviceCsr} does that.
     */
    public static byte[] readCertificateRequest(Path file) throws IOException {
        byte[] content = readBounded(file);
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN ")) {
            return content;
        }
        for (Block block : blocks(file, text)) {
            if (block.type().equals(CERTIFICATE_REQUEST) || block.type().equals("NEW CERTIFICATE REQUEST")) {
                return block.der();
            }
        }
        throw new IOException(file + ": no PEM CERTIFICATE REQUEST block found");
    }

    /** Certificates from a file that is PEM (any number) or a single DER certificate. */
    public static List<X509Certificate> readCertificatesPemOrDer(Path file) throws IOException {
        byte[] content = readBounded(file);
        if (new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
            return readCertificates(file);
        }
        return List.of(parseCertificate(file, content));
    }

    static List<Block> blocks(Path file) throws IOException {
        return blocks(file, new String(readBounded(file), StandardCharsets.ISO_8859_1));
    }

    private static List<Block> blocks(Path file, String text) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (body.contains(":")) {
                throw new IOException(file + ": PEM " + matcher.group(1) + " block has headers (encrypted?)"
                        + ", which are not supported");
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": PEM " + matcher.group(1) + " block is not valid base64", e);
            }
        }
        return blocks;
    }

    private static X509Certificate parseCertificate(Path file, byte[] der) throws IOException {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IOException(file + ": not a valid X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readBounded(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + ": larger than " + MAX_FILE_BYTES + " bytes, not a PEM file of ours");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
    }

    // ---------------------------------------------------------------- atomic write

    private static void writeAtomically(Path file, byte[] content, boolean secret) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "directory does not exist");
        }
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        String prefix = "." + target.getFileName() + ".";
        // Created 600 from the start, so the key is never readable by others, not even briefly.
        Path temp = posix
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, secret ? OWNER_ONLY : WORLD_READABLE);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename durable where the OS allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported here (e.g. Windows): the rename itself is still atomic.
        }
    }
}
