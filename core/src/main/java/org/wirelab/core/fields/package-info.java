/**
 * Wireshark field names and the values {@code tshark -T fields} prints for them, computed from the
 * fast-path columns: {@link org.wirelab.core.fields.FieldCatalog#knownNames()} lists them,
 * {@link org.wirelab.core.fields.FieldCatalog#field(String)} binds one to a capture (an unknown name
 * throws {@link org.wirelab.core.fields.UnknownFieldException}, whose message lists the known ones).
 */
package org.wirelab.core.fields;
