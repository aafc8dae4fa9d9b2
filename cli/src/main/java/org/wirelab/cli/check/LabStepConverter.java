package org.wirelab.cli.check;

import org.wirelab.core.check.LabStep;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --lab udp|tcp|chat}: the step of the lab a capture is checked against. */
public final class LabStepConverter implements ITypeConverter<LabStep> {

    @Override
    public LabStep convert(String value) {
        try {
            return LabStep.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
