/**
 * Wireshark field names and the values {@code tshark -T fields} prints for them. {@link
 * org.wirelab.core.fields.FieldTypes} registers the fields each protocol declares in its own place;
 * {@link org.wirelab.core.fields.FieldCatalog} binds those the capture's columns answer ({@link
 * org.wirelab.core.fields.ColumnField}) to a capture (an unknown name throws {@link
 * org.wirelab.core.fields.UnknownFieldException}); {@link org.wirelab.core.fields.CaptureFields} answers every
 * field, from the columns or from the frame's tree. {@link org.wirelab.core.fields.TcpRelativeNumbers} puts the
 * relative TCP numbers into one decoded frame's field tree, where the per-frame decoder cannot.
 */
package org.wirelab.core.fields;
