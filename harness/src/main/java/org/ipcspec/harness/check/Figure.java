package org.ipcspec.harness.check;

/**
 * A measured figure beside its threshold, for the report's table.
 *
 * @param name      what was measured ("throughput shm 64 B")
 * @param value     the measurement
 * @param unit      "msg/s", "us"
 * @param relation  "&gt;=" or "&lt;=": how value must relate to threshold
 * @param threshold the profile's threshold
 * @param ok        whether the value meets it
 */
public record Figure(String name, double value, String unit, String relation, double threshold, boolean ok) {
}
