package org.wirelab.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.decode.DecodedFrame;
import org.wirelab.core.decode.Field;
import org.wirelab.core.decode.Layer;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;

/** "Apply as filter": the filter written for any field of any frame parses and selects that frame. */
class FilterTextTest {

    @Test
    void theFilterOfEveryFieldSelectsItsOwnFrame() throws IOException, FilterException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path sample : Environment.sampleFiles()) {
            CaptureFields fields = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(sample).frames()));
            for (int i = 0; i < fields.size(); i++) {
                DecodedFrame frame = fields.tree(i);
                List<String> filters = new ArrayList<>();
                for (Layer layer : frame.layers()) {
                    filters.add(FilterText.of(layer));
                    for (Field top : layer.fields()) {
                        top.forEach(field -> filters.add(FilterText.of(field)));
                    }
                }
                for (String text : filters) {
                    if (text == null) {
                        continue;
                    }
                    DisplayFilter.Matcher matcher = DisplayFilter.compile(text).matcher(fields);
                    checked++;
                    if (!matcher.matches(i)) {
                        failures.add(sample.getFileName() + " frame " + (i + 1) + ": " + text);
                    }
                }
            }
        }
        assertTrue(checked > 1000, "only " + checked + " fields checked");
        assertEquals(List.of(), failures.stream().distinct().limit(30).toList());
    }

    @Test
    void valuesAreWrittenAsWiresharkWritesThem() {
        Field method = new Field("Request Method", "http.request.method", new org.wirelab.core.decode.ByteRange(0, 3), 0,
                "GET \"x\"", "Request Method: GET", "GET \"x\"", false, List.of());
        assertEquals("http.request.method == \"GET \\\"x\\\"\"", FilterText.of(method));
        Field port = new Field("Source Port", "tcp.srcport", new org.wirelab.core.decode.ByteRange(0, 2), 0, 60728L,
                "Source Port: 60728", "60728", false, List.of());
        assertEquals("tcp.srcport == 60728", FilterText.of(port));
        Field syn = new Field("Syn", "tcp.flags.syn", new org.wirelab.core.decode.ByteRange(0, 2), 2, true, "", "1",
                false, List.of());
        assertEquals("tcp.flags.syn == 1", FilterText.of(syn));
    }
}
