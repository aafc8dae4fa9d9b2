package org.wirelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final WindowPlacement NEVER_SAVED = new WindowPlacement(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1024, 768);

    @Test
    void theFirstTimeTheWindowIsCentredAtItsDefaultSize() {
        assertEquals(new WindowPlacement(240, 75, 1440, 900), WindowPlacement.of(NEVER_SAVED, List.of(LAPTOP)));
    }

    @Test
    void onASmallScreenTheWindowIsNeverLargerThanTheScreen() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 740);
        assertEquals(new WindowPlacement(0, 0, 1024, 740), WindowPlacement.of(NEVER_SAVED, List.of(small)));
    }

    @Test
    void aWindowLeftOnAProjectorThatIsGoneOpensCentredOnTheLaptop() {
        WindowPlacement onProjector = new WindowPlacement(1920, 0, 1024, 768);
        assertEquals(onProjector, WindowPlacement.of(onProjector, List.of(LAPTOP, PROJECTOR)), "the projector is there");
        assertEquals(new WindowPlacement(448, 141, 1024, 768), WindowPlacement.of(onProjector, List.of(LAPTOP)));
    }

    @Test
    void aWindowPartlyOffItsScreenIsMovedBackOnIt() {
        WindowPlacement hanging = new WindowPlacement(1200, 500, 1440, 900);
        assertEquals(new WindowPlacement(480, 150, 1440, 900), WindowPlacement.of(hanging, List.of(LAPTOP)));
    }
}
