package org.wirelab.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The languages wirelab explains frames in: {@code en} and {@code fr}. */
public final class LanguageConverter implements ITypeConverter<Locale> {

    @Override
    public Locale convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "fr" -> Locale.FRENCH;
            default -> throw new TypeConversionException("'" + value + "' is not a language wirelab speaks: en or fr");
        };
    }
}
