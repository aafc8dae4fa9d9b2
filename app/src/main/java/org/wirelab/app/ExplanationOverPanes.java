package org.wirelab.app;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The right-hand column: the explanation on top, the panes below it (encapsulation, OSI tree, bytes). The
 * explanation is as high as its text unless the panes would then lose the rows they keep (their minimum
 * heights); then it gives way down to its own minimum (a few lines, the rest scrolls). A box would shrink
 * both alike, taking lines from a short explanation while the tree had rows to spare.
 */
final class ExplanationOverPanes extends Pane {

    ExplanationOverPanes(Node explanation, Node panes) {
        getChildren().addAll(explanation, panes);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = getWidth() - x - snappedRightInset();
        double height = getHeight() - y - snappedBottomInset();
        var children = getManagedChildren();
        if (children.size() == 1) {   // presentation mode took the explanation beside the ladder
            children.get(0).resizeRelocate(x, y, width, height);
            return;
        }
        Node explanation = children.get(0);
        Node panes = children.get(1);
        double top = Math.max(explanation.minHeight(width),
                Math.min(explanation.prefHeight(width), height - panes.minHeight(width)));
        explanation.resizeRelocate(x, y, width, top);
        panes.resizeRelocate(x, y + top, width, Math.max(0, height - top));
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + getManagedChildren().stream()
                .mapToDouble(child -> child.minHeight(width)).sum();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + getManagedChildren().stream()
                .mapToDouble(child -> child.prefHeight(width)).sum();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + getManagedChildren().stream()
                .mapToDouble(child -> child.minWidth(-1)).max().orElse(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + getManagedChildren().stream()
                .mapToDouble(child -> child.prefWidth(-1)).max().orElse(0);
    }
}
