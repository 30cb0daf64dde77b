package no.pasientsignal.console.board.service;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Locale;

/**
 * Orders room names the way people read them: runs of digits compared as numbers, so "Rom 9" comes before "Rom 10"
 * and "Rom 201" before "Rom 1201"; the rest ignoring case.
 */
enum RoomNameOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(lower(ca), lower(cb));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static char lower(char c) {
        return String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0);
    }
}
