package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.wirelab.app.bytes.HexView;
import org.wirelab.app.layers.OsiTreeView;
import org.wirelab.app.packets.PacketListView;
import org.wirelab.source.FileSource;
import org.wirelab.source.SimulatedSource;
import org.wirelab.core.decode.ByteRange;
import org.wirelab.core.testing.Environment;
import org.wirelab.core.testing.Tshark;

/** The real window, driven headless: open a sample, select frames, step playback, switch language. */
class MainWindowTest extends FxTest {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = showMainWindow(stage, Locale.ENGLISH, "wirelab-test", 1440, 900);
    }

    /** Issue 5: on a simulated run, lose the selected frame from the ladder's menu and see TCP recover. */
    @Test
    void losingAFrameFromTheLadderReplaysTheRunWithoutIt() throws Exception {
        interact(() -> window.open(new SimulatedSource("tcp-hello", java.time.Duration.ofMillis(10), 0, 1)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.model().loadingProperty().get() && window.model().capture().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> window.model().selectedFrameProperty().set(4));
        rightClickOn("#ladder-canvas");
        clickOn("Lose this frame on the way and replay");
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.model().capture().title().endsWith("frame 4 dropped") && !window.model().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var capture = window.model().capture();
        assertTrue(capture.ladder().arrow(3).notes().stream()
                .anyMatch(note -> note.text().equals(org.wirelab.core.ladder.CaptureLadder.LOST)), "frame 4 says it was lost");
        assertTrue(java.util.stream.IntStream.range(4, capture.size()).anyMatch(i -> capture.analysis().tcp()
                .has(i, org.wirelab.core.analysis.TcpExpert.RETRANSMISSION)), "and TCP sends it again");
    }

    /** Issue 5: the teaching scenarios are in the Live menu; lost-syn-ack shows the SYN sent again. */
    @Test
    void aTeachingScenarioFromTheMenuShowsWhatNoLoopbackShows() throws Exception {
        clickOn("Live");
        javafx.scene.control.MenuBar bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu live = bar.getMenus().get(1);
        javafx.scene.control.Menu teaching = (javafx.scene.control.Menu) live.getItems().stream()
                .filter(item -> "teaching-scenarios".equals(item.getId())).findFirst().orElseThrow();
        // Every teaching scenario of the catalog, each said by the catalog in the window's language.
        assertEquals(org.wirelab.core.scenario.ScenarioCatalog.names(org.wirelab.core.scenario.ScenarioCatalog.teaching()),
                teaching.getItems().stream().map(item -> item.getId().substring("teaching-".length())).toList());
        assertEquals("A UDP datagram to a closed port: ICMP port unreachable (udp-closed-port)",
                teaching.getItems().stream().filter(item -> "teaching-udp-closed-port".equals(item.getId()))
                        .findFirst().orElseThrow().getText());
        // Monocle cannot click inside a menu's popup window: the item is fired as a click would.
        interact(() -> {
            live.hide();
            teaching.getItems().stream().filter(item -> "teaching-lost-syn-ack".equals(item.getId()))
                    .findFirst().orElseThrow().fire();
        });
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.model().loadingProperty().get() && window.model().capture().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        var capture = window.model().capture();
        var synAck = java.util.stream.IntStream.range(0, capture.size())
                .filter(i -> (capture.analysis().packets().tcpFlags(i) & 0x12) == 0x12).findFirst().orElseThrow();
        assertTrue(capture.ladder().arrow(synAck).notes().stream()
                .anyMatch(note -> note.text().equals(org.wirelab.core.ladder.CaptureLadder.LOST)), "the SYN-ACK was lost");
        long syns = java.util.stream.IntStream.range(0, capture.size())
                .filter(i -> (capture.analysis().packets().tcpFlags(i) & 0x12) == 0x02).count();
        assertEquals(2, syns, "so the client sent its SYN again");
    }

    @Test
    void selectingTheSynShowsItsLayersAndHighlightsTheTcpHeadersBytes() throws Exception {
        openSample(window, "tcp-hello.pcap");
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        assertEquals(10, packets.shownCount());
        clickOn(packets.localToScreen(packets.rowCentre(0)));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, window.model().selectedFrameProperty().get());
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        assertEquals("Ethernet", protocolsAt(tree, 2));
        assertEquals("IPv4", protocolsAt(tree, 3));
        assertEquals("TCP", protocolsAt(tree, 4));
        TreeItem<OsiTreeView.Entry> tcp = layerItem(tree, 4);
        TreeItem<OsiTreeView.Entry> flags = find(tcp, "tcp.flags");
        assertNotNull(flags, "the TCP layer has its flags");
        assertTrue(((OsiTreeView.FieldEntry) find(flags, "tcp.flags.syn").getValue()).field().display().contains("Set"));

        interact(() -> tree.getSelectionModel().select(tcp));
        WaitForAsyncUtils.waitForFxEvents();
        HexView hex = lookup("#hex-view").queryAs(HexView.class);
        Tshark.require();
        String[] tshark = Tshark.fields(Environment.samples().resolve("tcp-hello.pcap"), List.of("tcp.hdr_len", "frame.len"))
                .get(1);
        int headerLength = Integer.parseInt(tshark[0]);
        int frameLength = Integer.parseInt(tshark[1]);
        assertEquals(new ByteRange(frameLength - headerLength, headerLength), hex.highlighted(),
                "the SYN carries no data: its TCP header is the frame's last " + headerLength + " bytes (tshark)");
    }

    /** As Wireshark: the SYN-ACK's relative numbers above the raw ones, tshark's values, in both languages. */
    @Test
    void theSynAckShowsItsRelativeNumbersAboveTheRawOnes() throws Exception {
        openSample(window, "tcp-hello.pcap");
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        clickOn(packets.localToScreen(packets.rowCentre(1)));
        WaitForAsyncUtils.waitForFxEvents();
        Tshark.require();
        String[] tshark = Tshark.fields(Environment.samples().resolve("tcp-hello.pcap"),
                List.of("tcp.flags.str", "tcp.seq", "tcp.nxtseq", "tcp.ack", "tcp.seq_raw")).get(2);
        assertEquals("·······A··S·", tshark[0], "frame 2 is the SYN-ACK");

        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        TreeItem<OsiTreeView.Entry> tcp = layerItem(tree, 4);
        List<String> names = tcp.getChildren().stream()
                .map(i -> ((OsiTreeView.FieldEntry) i.getValue()).field().name()).toList();
        assertEquals(List.of("tcp.seq", "tcp.seq_raw", "tcp.nxtseq", "tcp.ack", "tcp.ack_raw"),
                names.subList(names.indexOf("tcp.seq"), names.indexOf("tcp.ack_raw") + 1));
        TreeItem<OsiTreeView.Entry> seq = find(tcp, "tcp.seq");
        interact(() -> {
            tree.getSelectionModel().select(seq);
            tree.scrollTo(Math.max(0, tree.getRow(seq) - 3));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Ethernet (14) and IPv4 without options (20), then the ports (4): the sequence number's 4 bytes.
        assertEquals(new ByteRange(38, 4), lookup("#hex-view").queryAs(HexView.class).highlighted());
        assertEquals(tshark[4], ((OsiTreeView.FieldEntry) find(tcp, "tcp.seq_raw").getValue()).field().text());

        List<String> english = treeCells();
        assertTrue(english.contains("Sequence Number: " + tshark[1] + "    (relative sequence number)"), english.toString());
        assertTrue(english.contains("[Next Sequence Number: " + tshark[2] + "    (relative sequence number)]"),
                english.toString());
        assertTrue(english.contains("Acknowledgment Number: " + tshark[3] + "    (relative ack number)"), english.toString());

        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> french = treeCells();
        assertTrue(french.contains("Numéro de séquence : " + tshark[1] + " (relatif)"), french.toString());
        assertTrue(french.contains("[Numéro de séquence suivant : " + tshark[2] + " (relatif)]"), french.toString());
        assertTrue(french.contains("Numéro d’acquittement : " + tshark[3] + " (relatif)"), french.toString());
        assertTrue(french.contains("Numéro de séquence (brut) : " + tshark[4]), french.toString());
    }

    private List<String> treeCells() {
        return lookup("#osi-tree .tree-cell").queryAll().stream()
                .map(c -> ((javafx.scene.control.TreeCell<?>) c).getText()).filter(t -> t != null).toList();
    }

    @Test
    void clickingAByteSelectsItsField() throws Exception {
        openSample(window, "tcp-hello.pcap");
        interact(() -> window.model().select(1));
        HexView hex = lookup("#hex-view").queryAs(HexView.class);
        // Bytes 36-37 of an Ethernet/IPv4 frame without IP options: the TCP destination port (tshark: 3000).
        double[] centre = hex.centreOf(36);
        clickOn(hex.localToScreen(centre[0], centre[1]));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("tcp.dstport", window.model().selectedPartProperty().get().field().name());
        assertEquals(new ByteRange(36, 2), hex.highlighted());
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        assertTrue(tree.getSelectionModel().getSelectedItem().getValue() instanceof OsiTreeView.FieldEntry field
                && field.field().name().equals("tcp.dstport"));
    }

    @Test
    void playbackRevealsOneFrameAtATime() throws Exception {
        openSample(window, "tcp-hello.pcap");
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);

        clickOn("#playback-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, packets.shownCount());
        assertEquals(1, window.model().selectedFrameProperty().get());

        type(javafx.scene.input.KeyCode.RIGHT);
        type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, packets.shownCount());
        assertEquals(3, window.model().selectedFrameProperty().get());
        assertTrue(lookup("#explanation-text").queryAs(Label.class).getText().contains("accept()"));

        clickOn("#playback-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, packets.shownCount());
        assertEquals("Frame 2 of 10", lookup("#playback-position").queryAs(Label.class).getText());

        clickOn("#playback-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, packets.shownCount());
    }

    @Test
    void predictModeHidesTheNextSegmentUntilTheGuess() throws Exception {
        openSample(window, "tcp-hello.pcap");
        clickOn("#playback-predict");
        clickOn("#playback-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.playback().maskedFrameProperty().get());
        assertEquals(0, lookup("#packet-list").queryAs(PacketListView.class).shownCount(), "the SYN is not shown yet");

        clickOn("#predict-syn");
        clickOn("#predict-seq").write("0");
        clickOn("#predict-reveal");
        WaitForAsyncUtils.waitForFxEvents();

        String verdict = lookup("#prediction-verdict").queryAs(Label.class).getText();
        assertTrue(verdict.startsWith("Flags \u2714 right (SYN)"), verdict);
        assertTrue(verdict.contains("Seq \u2714 right (0)"), verdict);
        assertTrue(verdict.contains("Ack \u2714 right (none (no ACK flag))"), verdict);
        assertEquals(1, lookup("#packet-list").queryAs(PacketListView.class).shownCount());
    }

    @Test
    void switchingLanguageRelabelsTheOpenWindow() throws Exception {
        openSample(window, "udp-echo.pcap");
        interact(() -> window.model().select(1));
        assertTrue(lookup("#explanation-text").queryAs(Label.class).getText().contains("UDP needs no connection"));

        // Monocle cannot click inside a menu's popup window: the menu item is fired as a click would.
        clickOn("View");
        javafx.scene.control.MenuBar bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu language = (javafx.scene.control.Menu) bar.getMenus().get(2).getItems().get(0);
        assertEquals("Language", language.getText());
        interact(() -> {
            bar.getMenus().get(2).hide();
            language.getItems().stream().filter(i -> "language-fr".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(lookup("#explanation-text").queryAs(Label.class).getText().contains("UDP n’a pas besoin de connexion"));
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        assertEquals("Protocole", packets.columnTitles().get(4));
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        assertTrue(tree.getRoot().getChildren().stream().anyMatch(i -> lookup("#osi-tree .tree-cell").queryAll().stream()
                .anyMatch(c -> ((javafx.scene.control.TreeCell<?>) c).getText() != null
                        && ((javafx.scene.control.TreeCell<?>) c).getText().startsWith("Couche 4 · Transport"))));
        // The field tree too, in French typography, with the port tshark reads in the same frame.
        Tshark.require();
        String port = Tshark.fields(Environment.samples().resolve("udp-echo.pcap"), List.of("udp.srcport")).get(1)[0];
        List<String> cells = lookup("#osi-tree .tree-cell").queryAll().stream()
                .map(c -> ((javafx.scene.control.TreeCell<?>) c).getText()).filter(t -> t != null).toList();
        assertTrue(cells.contains("Port source : " + port), cells.toString());
        assertTrue(cells.stream().anyMatch(t -> t.startsWith("Protocole de datagramme utilisateur (UDP), port source : "
                + port)), cells.toString());
    }

    @Test
    void pickingAConversationFocusesTheListAndTheCharts() throws Exception {
        openSample(window, "scenarios/chat.pcap");
        Tshark.require();
        long inStreamOne = Tshark.fields(Environment.samples().resolve("scenarios/chat.pcap"), List.of("tcp.stream"))
                .stream().skip(1).filter(row -> row[0].equals("1")).count();

        clickOn("Conversations");
        javafx.scene.control.ListView<?> conversations = lookup("#conversation-list").queryAs(javafx.scene.control.ListView.class);
        interact(() -> conversations.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> lookup("#packet-list").queryAs(PacketListView.class).shownCount() == inStreamOne);

        assertEquals(1, window.model().focusedTcpStreamProperty().get());
        clickOn("Charts");
        assertTrue(lookup("#charts-view").query().isVisible());
        assertTrue(lookup("#charts-view").queryAs(org.wirelab.app.charts.ChartsView.class).chartPane().getChart().chart()
                .getTitle().getText().contains("stream 1"), "the chart, drawn once its tab is shown, follows the focus");
        clickOn("Conversations");
        clickOn("#conversation-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window.model().capture().size(), lookup("#packet-list").queryAs(PacketListView.class).shownCount());
    }

    @Test
    void playRevealsEveryFrameAtTheChosenSpeed() throws Exception {
        openSample(window, "tcp-hello.pcap");
        interact(() -> window.playback().speedProperty().set(org.wirelab.app.playback.Speed.REAL_TIME));

        type(javafx.scene.input.KeyCode.SPACE);
        assertTrue(window.playback().playingProperty().get());
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.model().revealedProperty().get() == 10 && !window.playback().playingProperty().get());

        assertEquals(10, window.model().selectedFrameProperty().get());
        assertEquals(10, lookup("#packet-list").queryAs(PacketListView.class).shownCount());
    }

    @Test
    void theDiagramIsExportedAsShownAndABadNameIsOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openSample(window, "tcp-hello.pcap");
        Path svg = Files.createFile(dir.resolve("ladder.svg"));
        Path doc = Files.createFile(dir.resolve("ladder.doc"));

        interact(() -> window.export(true, svg));
        String written = Files.readString(svg);
        interact(() -> window.export(true, doc));

        assertTrue(written.startsWith("<svg") || written.startsWith("<?xml"), written.substring(0, 40));
        assertTrue(written.contains("127.0.0.1:3000"), "the server's lane");
        assertTrue(written.contains("SYN, ACK"), "the SYN-ACK's label");
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("Could not write " + doc.getFileName() + ": "), status);
    }

    /** Issue 4, section 6: the arrows and Space play only when the focused control does not use them. */
    @Test
    void arrowsMoveTheCaretInTheFilterAndStepPlaybackElsewhere() throws Exception {
        openSample(window, "tcp-hello.pcap");
        javafx.scene.Node ladder = lookup("#ladder-canvas").query();
        interact(ladder::requestFocus);
        type(javafx.scene.input.KeyCode.RIGHT);
        type(javafx.scene.input.KeyCode.RIGHT);
        int stepped = window.model().revealedProperty().get();
        type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(stepped - 1, window.model().revealedProperty().get(), "← on the ladder steps back");
        type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(stepped, window.model().revealedProperty().get(), "→ on the ladder steps forward");

        javafx.scene.control.TextField filter = lookup("#filter-text").queryAs(javafx.scene.control.TextField.class);
        clickOn(filter).write("syn");
        type(javafx.scene.input.KeyCode.LEFT, 2);
        assertEquals(1, filter.getCaretPosition(), "← moves the caret in the filter");
        type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(2, filter.getCaretPosition(), "→ moves the caret in the filter");
        type(javafx.scene.input.KeyCode.SPACE);
        assertEquals("sy n", filter.getText(), "Space is typed in the filter");
        assertEquals(stepped, window.model().revealedProperty().get(), "typing does not step");
        assertTrue(!window.playback().playingProperty().get(), "typing a space does not play");
        interact(filter::clear);

        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        interact(tree::requestFocus);
        type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(stepped, window.model().revealedProperty().get(), "the tree keeps ← (collapse)");

        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        interact(packets::requestFocus);
        type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(stepped + 1, window.model().revealedProperty().get(), "the list selects rows: → steps");

        javafx.scene.control.MenuBar bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        List<javafx.scene.control.MenuItem> playback = bar.getMenus().get(3).getItems();
        assertEquals(List.of("Space", "→", "←"), playback.subList(0, 3).stream()
                .map(i -> i.getAccelerator().getDisplayText()).toList(), "the menu shows the keys");
    }

    @Test
    void ctrlFGoesToTheFilter() {
        press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#filter-text").query().isFocused());
    }

    @Test
    void whenCaptureIsImpossibleTheLiveMenuSaysWhyAndOffersTheSimulation() throws Exception {
        var problem = new org.wirelab.capture.live.CaptureProblem(org.wirelab.capture.live.CaptureProblem.Kind.NO_PRIVILEGE,
                "cannot capture on lo: permission denied, capturing needs root. Run wirelab as root, or `sudo setpriv ...`.");
        interact(() -> window.captureProblem(java.util.Optional.of(problem)));
        clickOn("Live");
        javafx.scene.control.MenuBar bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        List<javafx.scene.control.MenuItem> items = bar.getMenus().get(1).getItems();
        interact(() -> bar.getMenus().get(1).hide());

        assertEquals("Live capture is impossible here: capturing needs the wireshark group (for dumpcap), root or"
                + " the CAP_NET_RAW capability.", items.get(0).getText());
        assertTrue(items.stream().filter(i -> i.getText() != null && i.getText().startsWith("Capture live"))
                .allMatch(javafx.scene.control.MenuItem::isDisable));
        assertTrue(items.stream().anyMatch(i -> "Simulate: tcp-hello (no capture needed)".equals(i.getText()) && !i.isDisable()));

        // The details: the capture module's whole message, its commands selectable, and the way out.
        interact(() -> items.stream().filter(i -> "live-why".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea detail = lookup("#live-why-detail").queryAs(javafx.scene.control.TextArea.class);
        assertEquals(problem.message(), detail.getText());
        javafx.scene.Node pane = detail.getScene().getRoot();
        Path shot = Path.of("target", "screenshots", "live-why.png");
        Files.createDirectories(shot.getParent());
        interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(pane.snapshot(null, null), null),
                        "png", shot.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ((javafx.stage.Stage) detail.getScene().getWindow()).close();
        });
    }

    @Test
    void theDemoWithoutCaptureIsSimulatedAndSaysWhyInTheWindowsLanguage() throws Exception {
        var problem = new org.wirelab.capture.live.CaptureProblem(org.wirelab.capture.live.CaptureProblem.Kind.NO_LIBPCAP,
                "cannot capture: libpcap is not installed (UnsatisfiedLinkError: ...).");
        interact(() -> window.messages().localeProperty().set(java.util.Locale.FRENCH));
        interact(() -> window.openDemo(org.wirelab.source.DemoSource.choose(java.util.Optional.of(problem))));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.model().loadingProperty().get() && window.model().capture().size() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.model().capture().title().startsWith("simulated: tcp-hello"), window.model().capture().title());
        assertEquals("La capture en direct est impossible : voici une simulation du même échange."
                + " libpcap n’est pas installée (sudo apt-get install libpcap0.8).", window.model().noticeProperty().get());
    }

    @Test
    void aSimulatedRunIsNamedInTheWindowsLanguage() throws Exception {
        interact(() -> window.messages().localeProperty().set(java.util.Locale.FRENCH));
        interact(() -> window.open(SimulatedSource.standard("tcp-hello").dropping(4)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !window.model().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("simulation : tcp-hello, trame 4 perdue exprès : "), status);
        assertTrue(((Stage) lookup("#status").query().getScene().getWindow()).getTitle().startsWith("simulation : tcp-hello"), ((Stage) lookup("#status").query().getScene().getWindow()).getTitle());

        interact(() -> window.messages().localeProperty().set(java.util.Locale.ENGLISH));
        assertTrue(((Stage) lookup("#status").query().getScene().getWindow()).getTitle().startsWith("simulated: tcp-hello, frame 4 lost on purpose"),
                ((Stage) lookup("#status").query().getScene().getWindow()).getTitle());
    }

    @Test
    void aDamagedFileKeepsTheFramesBeforeTheDamageAndSaysWhy(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path damaged = dir.resolve("damaged.pcap");
        byte[] whole = Files.readAllBytes(Environment.samples().resolve("tcp-hello.pcap"));
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length - 30));
        interact(() -> window.open(new FileSource(damaged)));
        window.model().awaitSource();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(9, lookup("#packet-list").queryAs(PacketListView.class).shownCount());
        String status = lookup("#status").queryAs(Label.class).getText();
        assertTrue(status.contains("Warning: " + damaged.getFileName()), status);
    }

    /** Issue 4: on a projector's 1024x768 both lanes of the handshake and their titles are in the ladder. */
    @Test
    void atAProjectorsSizeTheLadderShowsBothLanesAndTheirTitles() throws Exception {
        interact(() -> {
            javafx.stage.Window stage = lookup("#main-window").query().getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        openSample(window, "tcp-hello.pcap");
        // The Capture tab's ladder (the Compare tab has two more, empty until a comparison runs).
        org.wirelab.app.ladder.LadderCanvas ladder = lookup(".ladder-canvas").queryAllAs(
                org.wirelab.app.ladder.LadderCanvas.class).stream().filter(javafx.scene.Node::isVisible)
                .filter(c -> c.ladderProperty().get().size() > 0).findFirst().orElseThrow();
        org.wirelab.core.ladder.draw.LadderView view = ladder.view();
        assertEquals(2, ladder.ladderProperty().get().lanes().size());
        javafx.scene.text.Text title = new javafx.scene.text.Text();
        title.setFont(javafx.scene.text.Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD,
                org.wirelab.core.ladder.draw.TextStyle.TITLE.size()));
        for (int lane = 0; lane < 2; lane++) {
            double x = ladder.painter().laneX(lane, view);
            title.setText(org.wirelab.core.ladder.LadderLayout.title(ladder.ladderProperty().get().lanes().get(lane)));
            double half = title.getLayoutBounds().getWidth() / 2;
            assertTrue(x - half >= org.wirelab.core.ladder.draw.LadderPainter.TIME_COLUMN && x + half <= view.width(),
                    "lane " + lane + " at " + x + " with its title ±" + half + " in a ladder " + view.width() + " wide");
        }
        assertTrue(ladder.painter().contentWidth(view.width()) <= view.width()
                - org.wirelab.core.ladder.draw.LadderPainter.TIME_COLUMN, "nothing to scroll sideways");

        // And the packet list keeps its Info column in view: the other columns give up the room.
        PacketListView packets = lookup("#packet-list").queryAs(PacketListView.class);
        List<Double> widths = packets.columnWidths();
        double beforeInfo = widths.subList(0, widths.size() - 1).stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(packets.getWidth() - beforeInfo >= 150, "Info has " + (packets.getWidth() - beforeInfo)
                + " pixels of a list " + packets.getWidth() + " wide: " + widths);
    }

    @Test
    void screenshotOfTheSynAck() throws Exception {
        screenshot(1440, 900, "main-window.png");
    }

    @Test
    void screenshotInFrench() throws Exception {
        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        screenshot(1440, 900, "main-window-fr.png");
    }

    /** A projector's 1024x768: nothing important may be cut. */
    @Test
    void screenshotOnAProjector() throws Exception {
        screenshot(1024, 768, "main-window-1024x768.png");
        assertTheFilterChoicesAreWhole("All", "Text");
    }

    @Test
    void screenshotOnAProjectorInFrench() throws Exception {
        interact(() -> window.messages().localeProperty().set(Locale.FRENCH));
        screenshot(1024, 768, "main-window-1024x768-fr.png");
        assertTheFilterChoicesAreWhole("Tous", "Texte");
    }

    /**
     * The protocol and the filter's mode show their whole labels on a projector (they had shrunk to an arrow
     * and to "..."), and the filter's text field stays in the window.
     */
    private void assertTheFilterChoicesAreWhole(String allProtocols, String textMode) {
        assertEquals(allProtocols, shownLabel("#filter-protocol"), "no protocol chosen reads as all of them");
        assertEquals(textMode, shownLabel("#filter-mode"));
        javafx.scene.Node field = lookup("#filter-text").query();
        javafx.geometry.Bounds bounds = field.localToScene(field.getBoundsInLocal());
        assertTrue(bounds.getMinX() < field.getScene().getWidth() - 40, "the filter's text is in the window: " + bounds);
    }

    /** The text a choice box shows now, as drawn (with "..." when it is cut). */
    private String shownLabel(String id) {
        javafx.scene.Node label = lookup(id).query().lookup(".label");
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    private void screenshot(double width, double height, String name) throws Exception {
        interact(() -> {
            javafx.stage.Window stage = lookup("#main-window").query().getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        openSample(window, "tcp-hello.pcap");
        interact(() -> window.model().select(2));
        OsiTreeView tree = lookup("#osi-tree").queryAs(OsiTreeView.class);
        interact(() -> {
            TreeItem<OsiTreeView.Entry> flags = find(layerItem(tree, 4), "tcp.flags");
            flags.setExpanded(true);
            tree.getSelectionModel().select(flags);
            // The sequence and acknowledgment numbers, relative and raw, down to the selected flags.
            tree.scrollTo(tree.getRow(find(layerItem(tree, 4), "tcp.seq")) - 1);
        });
        assertTrue(Files.size(screenshot(window.ladderSlot().getScene(), name)) > 10_000);
    }

    private static String protocolsAt(TreeView<OsiTreeView.Entry> tree, int osiLayer) {
        TreeItem<OsiTreeView.Entry> row = tree.getRoot().getChildren().get(7 - osiLayer);
        return String.join("+", ((OsiTreeView.OsiEntry) row.getValue()).row().layers().stream()
                .map(l -> l.protocol()).toList());
    }

    private static TreeItem<OsiTreeView.Entry> layerItem(TreeView<OsiTreeView.Entry> tree, int osiLayer) {
        TreeItem<OsiTreeView.Entry> row = tree.getRoot().getChildren().get(7 - osiLayer);
        return row.getChildren().stream().filter(i -> i.getValue() instanceof OsiTreeView.LayerEntry).findFirst()
                .orElseThrow();
    }

    private static TreeItem<OsiTreeView.Entry> find(TreeItem<OsiTreeView.Entry> item, String name) {
        if (item.getValue() instanceof OsiTreeView.FieldEntry field && field.field().name().equals(name)) {
            return item;
        }
        for (TreeItem<OsiTreeView.Entry> child : item.getChildren()) {
            TreeItem<OsiTreeView.Entry> found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
