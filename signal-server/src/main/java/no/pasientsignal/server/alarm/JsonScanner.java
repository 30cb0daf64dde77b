package no.pasientsignal.server.alarm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Reads JSON as {@link AlarmRecords#encode} writes it, straight from the bytes: objects, arrays,
 * ASCII strings without escapes, integers, booleans and null. Anything else (an escape, a
 * non-ASCII byte, a fraction, a value of another type than asked for, bad syntax) throws {@link
 * NotSimple}, and the caller decodes the payload with the general decoder instead, which reads it
 * or says what is wrong with it. So this never accepts what the general decoder refuses, nor reads
 * a value differently.
 */
final class JsonScanner {

    /** The payload is not in the simple shape; decode it in full. */
    static final class NotSimple extends RuntimeException {
        static final NotSimple INSTANCE = new NotSimple();

        private NotSimple() {
            super("not in the shape AlarmRecords writes", null, false, false);
        }
    }

    /** {@link #name} at the end of an object. */
    static final int END = -1;
    /** {@link #name} of a property not in the table. */
    static final int OTHER = -2;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The value of each hexadecimal digit, -1 for other bytes. */
    private static final byte[] HEX = new byte[256];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int d = 0; d < 10; d++) {
            HEX['0' + d] = (byte) d;
        }
        for (int d = 0; d < 6; d++) {
            HEX['a' + d] = (byte) (10 + d);
            HEX['A' + d] = (byte) (10 + d);
        }
    }

    private final byte[] in;
    private int at;
    /** Per open object or array, outermost first: whether its first member is still to come. */
    private final boolean[] first = new boolean[16];

    /** Per open object: the index in its name table after the last name matched. */
    private final int[] hint = new int[16];

    private int depth = -1;

    JsonScanner(byte[] in) {
        this.in = in;
    }

    /** Names as {@link #name} matches them. */
    static byte[][] names(String... names) {
        var table = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            table[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return table;
    }

    /** Enters an object: the next value must be one. */
    void startObject() {
        expect('{');
        open();
        hint[depth] = 0;
    }

    /**
     * The next property name of the current object, as its index in {@code names}, {@link #OTHER}
     * for a name not there (its value must then be read or skipped), or {@link #END} after the
     * closing brace.
     */
    int name(byte[][] names) {
        skipSpace();
        if (peek() == '}') {
            at++;
            depth--;
            return END;
        }
        if (!first[depth]) {
            expect(',');
        }
        first[depth] = false;
        skipSpace();
        int start = stringBody();
        int length = at - 1 - start;
        expect(':');
        // Properties come in the order they are written: try the one after the last match first.
        for (int n = 0; n < names.length; n++) {
            int i = (hint[depth] + n) % names.length;
            byte[] name = names[i];
            if (name.length == length && same(name, start)) {
                hint[depth] = i + 1;
                return i;
            }
        }
        return OTHER;
    }

    /** The next property name of the current object, or null after the closing brace. */
    String key() {
        skipSpace();
        if (peek() == '}') {
            at++;
            depth--;
            return null;
        }
        if (!first[depth]) {
            expect(',');
        }
        first[depth] = false;
        skipSpace();
        int start = stringBody();
        String key = new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
        expect(':');
        return key;
    }

    /** A string value, or null for a JSON null. */
    String string() {
        skipSpace();
        if (nullValue()) {
            return null;
        }
        int start = stringBody();
        return new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
    }

    /** A string value that must not be null. */
    String requiredString() {
        String s = string();
        if (s == null) {
            throw NotSimple.INSTANCE;
        }
        return s;
    }

    /**
     * The constant named by a string value, or null for a JSON null.
     *
     * @param names the constants' names, as {@link #names} makes them, in the order of {@code constants}
     */
    <E extends Enum<E>> E constant(byte[][] names, E[] constants) {
        skipSpace();
        if (nullValue()) {
            return null;
        }
        int start = stringBody();
        int length = at - 1 - start;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length == length && same(names[i], start)) {
                return constants[i];
            }
        }
        throw NotSimple.INSTANCE; // an unknown name: the general decoder refuses it
    }

    /** Names of {@code constants}, for {@link #constant}. */
    static byte[][] names(Enum<?>[] constants) {
        var table = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            table[i] = constants[i].name().getBytes(StandardCharsets.US_ASCII);
        }
        return table;
    }

    /** Whether the input at {@code start} has the bytes of {@code name}. */
    private boolean same(byte[] name, int start) {
        for (int i = 0; i < name.length; i++) {
            if (in[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** A UUID in its canonical 36-character form, or null for a JSON null. */
    UUID uuid() {
        skipSpace();
        if (nullValue()) {
            return null;
        }
        int start = stringBody();
        if (at - 1 - start != 36
                || in[start + 8] != '-'
                || in[start + 13] != '-'
                || in[start + 18] != '-'
                || in[start + 23] != '-') {
            throw NotSimple.INSTANCE;
        }
        long high = hex(start, 8) << 32 | hex(start + 9, 4) << 16 | hex(start + 14, 4);
        long low = hex(start + 19, 4) << 48 | hex(start + 24, 12);
        return new UUID(high, low);
    }

    /**
     * An instant as {@link Instant#toString()} writes it ({@code 2025-01-01T12:00:00Z}, with 0 to
     * 9 digits of fraction), or null for a JSON null.
     */
    Instant instant() {
        skipSpace();
        if (nullValue()) {
            return null;
        }
        int start = stringBody();
        int n = at - 1 - start;
        if (n < 20
                || n > 30
                || n == 21
                || in[start + 4] != '-'
                || in[start + 7] != '-'
                || in[start + 10] != 'T'
                || in[start + 13] != ':'
                || in[start + 16] != ':'
                || in[start + n - 1] != 'Z'
                || (n > 20 && in[start + 19] != '.')) {
            throw NotSimple.INSTANCE;
        }
        int year = digits(start, 4);
        int month = digits(start + 5, 2);
        int day = digits(start + 8, 2);
        int hour = digits(start + 11, 2);
        int minute = digits(start + 14, 2);
        int second = digits(start + 17, 2);
        int fraction = n > 20 ? digits(start + 20, n - 21) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            throw NotSimple.INSTANCE; // a leap second, or wrong: for the general parser
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            throw NotSimple.INSTANCE;
        }
        int nanos = n > 20 ? fraction * POWERS_OF_TEN[9 - (n - 21)] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** An integer value of at most 9 digits. */
    int integer() {
        skipSpace();
        boolean negative = peek() == '-';
        if (negative) {
            at++;
        }
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        int length = at - start;
        if (length == 0 || length > 9 || (length > 1 && in[start] == '0')) {
            throw NotSimple.INSTANCE;
        }
        if (at < in.length && (in[at] == '.' || in[at] == 'e' || in[at] == 'E')) {
            throw NotSimple.INSTANCE; // not an integer
        }
        int value = digits(start, length);
        return negative ? -value : value;
    }

    boolean bool() {
        skipSpace();
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw NotSimple.INSTANCE;
    }

    /**
     * Enters an array of values; false for a JSON null instead. Read its values with {@link
     * #hasNext} and a value method.
     */
    boolean startArray() {
        skipSpace();
        if (nullValue()) {
            return false;
        }
        expect('[');
        open();
        return true;
    }

    /** Whether the current array has another value (consumes the closing bracket when not). */
    boolean hasNext() {
        skipSpace();
        if (peek() == ']') {
            at++;
            depth--;
            return false;
        }
        if (!first[depth]) {
            expect(',');
        }
        first[depth] = false;
        return true;
    }

    /** Skips a value of any kind (checking its syntax as it goes). */
    void skipValue() {
        skipSpace();
        byte b = peek();
        switch (b) {
            case '"' -> stringBody();
            case '{' -> {
                startObject();
                while (name(NO_NAMES) != END) {
                    skipValue();
                }
            }
            case '[' -> {
                startArray();
                while (hasNext()) {
                    skipValue();
                }
            }
            case 't', 'f' -> bool();
            case 'n' -> {
                if (!nullValue()) {
                    throw NotSimple.INSTANCE;
                }
            }
            default -> integer();
        }
    }

    private static final byte[][] NO_NAMES = {};

    private void open() {
        if (++depth == first.length) {
            throw NotSimple.INSTANCE; // deeper than any record written
        }
        first[depth] = true;
    }

    /** Whether nothing but white space follows. */
    boolean atEnd() {
        skipSpace();
        return at == in.length;
    }

    /** Reads a string's opening quote and body; returns where the body starts (at ends after the closing quote). */
    private int stringBody() {
        expect('"');
        int start = at;
        byte[] in = this.in;
        int i = start;
        // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII.
        while (i + 8 <= in.length) {
            long w = (long) LONGS.get(in, i);
            long special = zeroByte(w ^ 0x2222222222222222L) // '"'
                    | zeroByte(w ^ 0x5C5C5C5C5C5C5C5CL) // '\\'
                    | ((w - 0x2020202020202020L) & ~w) // below 0x20
                    | w; // 0x80 and above
            if ((special & 0x8080808080808080L) != 0) {
                break;
            }
            i += 8;
        }
        for (; i < in.length; i++) {
            byte b = in[i];
            if (b == '"') {
                at = i + 1;
                return start;
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character, or (negative) a non-ASCII byte
                throw NotSimple.INSTANCE;
            }
        }
        throw NotSimple.INSTANCE;
    }

    /** High bit set in each byte of {@code w} that was zero (and possibly in some after one that was). */
    private static long zeroByte(long w) {
        return (w - 0x0101010101010101L) & ~w;
    }

    private boolean nullValue() {
        return literal("null");
    }

    private boolean literal(String word) {
        if (at + word.length() <= in.length && matches(at, word)) {
            int end = at + word.length();
            if (end < in.length && Character.isLetterOrDigit(in[end])) {
                throw NotSimple.INSTANCE;
            }
            at = end;
            return true;
        }
        return false;
    }

    private boolean matches(int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long hex(int start, int length) {
        long value = 0;
        for (int i = start; i < start + length; i++) {
            int d = HEX[in[i] & 0xFF];
            if (d < 0) {
                throw NotSimple.INSTANCE;
            }
            value = value << 4 | d;
        }
        return value;
    }

    private int digits(int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            int d = in[i] - '0';
            if (d < 0 || d > 9) {
                throw NotSimple.INSTANCE;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private byte peek() {
        if (at == in.length) {
            throw NotSimple.INSTANCE;
        }
        return in[at];
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw NotSimple.INSTANCE;
        }
        at++;
    }

    private void skipSpace() {
        while (at < in.length) {
            byte b = in[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            at++;
        }
    }
}
