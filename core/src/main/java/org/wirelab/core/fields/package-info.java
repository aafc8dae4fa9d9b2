/**
 * Wireshark field names and the values {@code tshark -T fields} prints for them, computed from the
 * fast-path columns: {@link org.wirelab.core.fields.FieldCatalog#knownNames()} lists them,
 * {@link org.wirelab.core.fields.FieldCatalog#field(String)} binds one to a capture (an unknown name
 * throws {@link org.wirelab.core.fields.UnknownFieldException}, whose message lists the known ones).
 * {@link org.wirelab.core.fields.TcpRelativeNumbers} puts the relative TCP numbers into one decoded frame's
 * field tree, where the per-frame decoder cannot.
 */
package org.wirelab.core.fields;
