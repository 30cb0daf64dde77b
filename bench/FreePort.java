import java.net.DatagramSocket;
import java.net.ServerSocket;

/** Prints a free TCP ({@code tcp}) or UDP ({@code udp}) port; run as {@code java bench/FreePort.java tcp}. */
public class FreePort {
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("udp")) {
            try (var socket = new DatagramSocket(0)) {
                System.out.println(socket.getLocalPort());
            }
        } else {
            try (var socket = new ServerSocket(0)) {
                System.out.println(socket.getLocalPort());
            }
        }
    }
}
