package no.pasientsignal.server.alarm;

/**
 * What a recipient's channel reported back, as in IHE PCD ACM's dispatch status. Ordered: a later
 * status never goes back to an earlier one.
 */
public enum DeliveryStatus {
    SENT,
    DELIVERED,
    SEEN,
    ACCEPTED,
    REJECTED
}
