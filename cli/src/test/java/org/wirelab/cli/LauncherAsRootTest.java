package org.wirelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirelab.core.testing.Environment;

/** The ./wirelab launcher, run as root in a checkout that belongs to someone else. */
class LauncherAsRootTest {
    @TempDir
    Path dir;

    @Test
    void sudoWithAStaleJarRefusesToBuildInSomeoneElsesCheckout() throws Exception {
        if (SudoUser.effectiveUid() != 0) {
            Environment.missing("this test runs the launcher as root: run it as root");
        }
        // A checkout of nobody's with sources and no jar: the launcher would build.
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("core/src"));
        Files.copy(Environment.repositoryRoot().resolve("wirelab"), checkout.resolve("wirelab"));
        Files.setPosixFilePermissions(checkout.resolve("wirelab"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        UserPrincipalLookupService users = checkout.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(checkout, users.lookupPrincipalByName("nobody"));

        Process launcher = new ProcessBuilder("bash", checkout.resolve("wirelab").toString(), "--version")
                .redirectErrorStream(true).start();
        String printed = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        launcher.waitFor(60, TimeUnit.SECONDS);
        assertEquals(1, launcher.exitValue(), printed);
        assertEquals("wirelab: the jar is missing or older than the sources, and building it as root would leave"
                + " root-owned files in the checkout of nobody: run ./wirelab once without sudo to build it, then run"
                + " it with sudo again\n", printed);
        assertFalse(Files.exists(checkout.resolve("app/target")), "nothing was built");
    }
}
