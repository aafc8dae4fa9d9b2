package org.wirelab.capture.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.PortUnreachableException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wirelab.core.testing.Bundles;

/**
 * The lab's programs print French to a French console, as the lab's Python programs do, over real
 * loopback sockets; an ordinary line sink stays English.
 */
class LabLanguageTest {

    @Test
    void theUdpServerAndClientSpeakFrench() throws Exception {
        RecordedLines serverOut = new RecordedLines();
        RecordedLines clientOut = new RecordedLines();
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), LabConsole.of(Locale.FRENCH, serverOut))) {
            server.start();
            String at = "127.0.0.1:" + server.localAddress().getPort();
            UdpEchoClient.run(server.localAddress(), LabConsole.of(Locale.FRENCH, clientOut));

            assertEquals("Serveur UDP en écoute sur " + at, serverOut.all().get(0));
            String client = serverOut.await(line -> line.startsWith("message de 127.0.0.1:"));
            assertTrue(client.endsWith(" : \"Hello from client\""), client);
            assertTrue(clientOut.all().get(0).startsWith("\"Hello from client\" envoyé à " + at + " depuis 127.0.0.1:"),
                    clientOut.all().toString());
            assertEquals("réponse de " + at + " : \"i am the server\"", clientOut.all().get(1));
            serverOut.await(line -> line.startsWith("réponse \"i am the server\" envoyée à 127.0.0.1:"));
            server.stop();
            serverOut.await("Serveur UDP arrêté");
        }
    }

    @Test
    void theTcpServerAndClientSpeakFrench() throws Exception {
        RecordedLines serverOut = new RecordedLines();
        RecordedLines clientOut = new RecordedLines();
        try (TcpServer server = new TcpServer(Loopback.ipv4AnyPort(), LabConsole.of(Locale.FRENCH, serverOut))) {
            server.start();
            String at = "127.0.0.1:" + server.localAddress().getPort();
            TcpClient.run(server.localAddress(), LabConsole.of(Locale.FRENCH, clientOut));

            assertTrue(clientOut.all().get(0).startsWith("connecté à " + at + " depuis 127.0.0.1:"), clientOut.all().toString());
            assertEquals("14 octets envoyés : \"hello serveur\\n\"", clientOut.all().get(1));
            assertEquals("connexion fermée", clientOut.all().get(2));
            serverOut.await(line -> line.startsWith("connexion de 127.0.0.1:"));
            serverOut.await(line -> line.startsWith("message de 127.0.0.1:") && line.endsWith(" : \"hello serveur\\n\""));
        }
    }

    @Test
    void aBusyPortAndAnAbsentServerAreSaidInFrench() throws Exception {
        try (UdpEchoServer first = new UdpEchoServer(Loopback.ipv4AnyPort(), line -> { })) {
            first.start();
            java.net.InetSocketAddress taken = first.localAddress();
            int port = taken.getPort();
            UdpEchoServer second = new UdpEchoServer(taken, LabConsole.of(Locale.FRENCH, line -> { }));
            PortInUseException busy = assertThrows(PortInUseException.class, second::start);
            assertEquals("le port UDP " + port + " de 127.0.0.1 est déjà pris par un autre programme : arrêtez-le ou"
                    + " choisissez un autre port avec --port", busy.getMessage());
            first.stop();
            PortUnreachableException nobody = assertThrows(PortUnreachableException.class,
                    () -> UdpEchoClient.run(taken, LabConsole.of(Locale.FRENCH, line -> { })));
            assertEquals("aucun serveur UDP sur 127.0.0.1:" + port + " (port injoignable) : lancez-en un, ou vérifiez --port",
                    nobody.getMessage());
        }
    }

    @Test
    void aPlainLineSinkStaysEnglish() throws Exception {
        RecordedLines out = new RecordedLines();
        try (UdpEchoServer server = new UdpEchoServer(Loopback.ipv4AnyPort(), out::accept)) {
            server.start();
            assertEquals("UDP server listening on 127.0.0.1:" + server.localAddress().getPort(), out.all().get(0));
        }
    }

    @Test
    void theSystemsLanguageChoosesFrenchOnlyForFrench() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CANADA_FRENCH);
            assertEquals(Locale.FRENCH, LabConsole.systemLanguage());
            Locale.setDefault(Locale.GERMANY);
            assertEquals(Locale.ENGLISH, LabConsole.systemLanguage());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyLineHasAFrenchOneWithTheSameValues() {
        Bundles.assertEverySentenceTranslatedWithTheSameValues(LabConsole.class, "LabWords");
    }
}
