package org.wirelab.app;

import java.nio.file.Path;
import java.util.Optional;
import org.wirelab.cli.DesktopApp;

/**
 * How the command line opens this app ({@code wirelab}, {@code wirelab FILE}, {@code wirelab demo}): it
 * finds this class through {@code META-INF/services/org.wirelab.cli.DesktopApp}.
 */
public final class WirelabDesktopApp implements DesktopApp {

    @Override
    public void open(Optional<Path> file) {
        WirelabLauncher.main(file.map(path -> new String[] {path.toString()}).orElse(new String[0]));
    }

    @Override
    public void openDemo() {
        WirelabLauncher.main(new String[] {WirelabApp.DEMO});
    }
}
