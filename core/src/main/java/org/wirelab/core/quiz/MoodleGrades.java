package org.wirelab.core.quiz;

/**
 * A score as a CSV file Moodle's grade import reads (Grades › Import › CSV file): a header row, then one
 * row per student, identified by the column "Email address", with the grade in a column named after the
 * grade item (mapped to a grade item when importing). The quiz page writes the same two columns.
 */
public final class MoodleGrades {
    /** The column Moodle maps to its users by their email. */
    public static final String EMAIL_COLUMN = "Email address";

    private MoodleGrades() {
    }

    /** The CSV of one student's {@code score} for {@code gradeItem}. */
    public static String csv(String gradeItem, String email, long score) {
        return EMAIL_COLUMN + "," + field(gradeItem) + "\n" + field(email.strip()) + "," + score + "\n";
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line end, quotes doubled. */
    static String field(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
