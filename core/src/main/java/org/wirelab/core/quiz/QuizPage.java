package org.wirelab.core.quiz;

import java.util.Locale;
import org.wirelab.core.quiz.Question.Kind;
import org.wirelab.core.quiz.Question.Option;
import org.wirelab.core.text.Html;
import org.wirelab.core.text.Sentences;

/**
 * A quiz as one self-contained HTML page (no network, no file beside it): the questions, a button that
 * checks the answers in the page and explains each, the score, and its export as a CSV file in
 * Moodle's grade import format (a column "Email address" to match the student, a column for the grade).
 * Every text from the capture or the file name is escaped. The expected answers are in the page: it is
 * a self-check for students, not an exam.
 *
 * <p>A URL fragment fills the page in, for a link with prefilled answers and for tests:
 * {@code #q1-ack=15&q4-flags=SYN,ACK&email=a%40b.org&check} sets the answers by question id, the email,
 * and checks.
 */
public final class QuizPage {
    private static final String BUNDLE = "org.wirelab.core.quiz.QuizWords";
    /** Placeholders the page's script replaces (the patterns are formatted here, in the page's language). */
    private static final String FIRST = "@@1@@";
    private static final String SECOND = "@@2@@";

    private QuizPage() {
    }

    public static String html(Quiz quiz) {
        Sentences words = Sentences.of(BUNDLE, quiz.language());
        String title = words.format("page.title", quiz.source());
        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(quiz.language().getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(Html.escape(title)).append("</h1>\n<p>")
                .append(Html.escape(words.format("page.intro", quiz.source()))).append("</p>\n<form id=\"quiz\" onsubmit=\"return false\">\n");
        int number = 1;
        for (Question question : quiz.questions()) {
            question(page, question, number++, words);
        }
        page.append("<p><label>").append(Html.escape(words.format("page.email")))
                .append(" <input id=\"email\" type=\"email\" autocomplete=\"email\"></label></p>\n")
                .append("<p><button type=\"button\" id=\"check\">").append(Html.escape(words.format("page.check")))
                .append("</button></p>\n<p id=\"score\" data-score=\"\" data-total=\"").append(quiz.questions().size())
                .append("\"></p>\n<p><a id=\"export\" href=\"#\" hidden download=\"grade.csv\">")
                .append(Html.escape(words.format("page.export"))).append("</a></p>\n<pre id=\"csv\" hidden></pre>\n</form>\n</main>\n")
                .append("<div id=\"texts\" hidden data-score=\"").append(Html.escape(words.format("page.score", FIRST, SECOND)))
                .append("\" data-right=\"").append(Html.escape(words.format("page.right")))
                .append("\" data-wrong=\"").append(Html.escape(words.format("page.wrong", FIRST)))
                .append("\" data-grade-item=\"").append(Html.escape(words.format("page.gradeItem", quiz.source())))
                .append("\"></div>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void question(StringBuilder page, Question q, int number, Sentences words) {
        String id = Html.escape(q.id());
        page.append("<section class=\"question\" id=\"").append(id).append("\" data-kind=\"")
                .append(q.kind().name().toLowerCase(Locale.ROOT)).append("\" data-answer=\"").append(Html.escape(q.answer()))
                .append("\" data-frames=\"").append(Html.escape(String.join(",", q.frames().stream().map(String::valueOf).toList())))
                .append("\">\n<h2>").append(Html.escape(words.format("page.question", number))).append("</h2>\n<p class=\"prompt\">")
                .append(Html.escape(q.prompt())).append("</p>\n");
        switch (q.kind()) {
            case NUMBER -> page.append("<input name=\"").append(id).append("\" type=\"text\" inputmode=\"numeric\" size=\"12\">\n");
            case TEXT -> page.append("<input name=\"").append(id).append("\" type=\"text\" size=\"40\">\n");
            case ORDER -> {
                page.append("<ol class=\"segments\" type=\"A\">\n");
                for (Option option : q.options()) {
                    page.append("<li><code>").append(Html.escape(option.label())).append("</code></li>\n");
                }
                page.append("</ol>\n<input name=\"").append(id).append("\" type=\"text\" size=\"20\">\n");
            }
            case CHOICE, FLAGS -> {
                String type = q.kind() == Kind.CHOICE ? "radio" : "checkbox";
                for (Option option : q.options()) {
                    page.append("<label class=\"option\"><input type=\"").append(type).append("\" name=\"").append(id)
                            .append("\" value=\"").append(Html.escape(option.key())).append("\"> ")
                            .append(Html.escape(option.label())).append("</label>\n");
                }
            }
        }
        page.append("<p class=\"feedback\" hidden></p>\n<p class=\"explanation\" hidden>").append(Html.escape(q.explanation()))
                .append("</p>\n</section>\n");
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1f2328; }
            main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
            .question { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 1rem 0; }
            .question h2 { font-size: 1rem; color: #57606a; }
            .option { display: block; margin: 0.25rem 0; }
            .segments code { font-size: 0.95rem; }
            .right { border-color: #1a7f37; } .right .feedback { color: #1a7f37; }
            .wrong { border-color: #cf222e; } .wrong .feedback { color: #cf222e; }
            .explanation { color: #57606a; }
            #score { font-size: 1.25rem; font-weight: bold; }
            input[type=text], input[type=email] { font: inherit; padding: 0.2rem 0.4rem; }
            button { font: inherit; padding: 0.4rem 1rem; }
            """;

    /** Reads the answers, marks them, scores, and builds the CSV; fills the page in from the URL fragment. */
    private static final String SCRIPT = """
            'use strict';
            const texts = document.getElementById('texts').dataset;
            function given(section) {
              const kind = section.dataset.kind;
              const inputs = Array.from(section.querySelectorAll('input'));
              if (kind === 'number') {
                const text = inputs[0].value.trim();
                return /^[0-9]+$/.test(text) ? String(Number(text)) : text;
              }
              if (kind === 'text') {
                return inputs[0].value.trim().toLowerCase().replace(/\\s+/g, ' ');
              }
              if (kind === 'order') {
                return inputs[0].value.toUpperCase().replace(/[^A-Z]/g, '').split('').join(',');
              }
              return inputs.filter(i => i.checked).map(i => i.value).join(',');
            }
            function expected(section) {
              const keys = section.dataset.answer.split(',');
              if (section.dataset.kind === 'choice') {
                return Array.from(section.querySelectorAll('label.option'))
                    .filter(label => keys.includes(label.querySelector('input').value))
                    .map(label => label.textContent.trim()).join(', ');
              }
              return keys.join(section.dataset.kind === 'order' ? ' ' : ', ');
            }
            function csvField(text) {
              return /[",\\n\\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
            }
            function check() {
              let score = 0;
              const sections = Array.from(document.querySelectorAll('section.question'));
              for (const section of sections) {
                const right = given(section) === section.dataset.answer;
                if (right) {
                  score++;
                }
                section.classList.toggle('right', right);
                section.classList.toggle('wrong', !right);
                const feedback = section.querySelector('.feedback');
                feedback.textContent = right ? texts.right : texts.wrong.replace('@@1@@', expected(section));
                feedback.hidden = false;
                section.querySelector('.explanation').hidden = false;
              }
              const total = sections.length;
              const result = document.getElementById('score');
              result.dataset.score = String(score);
              result.textContent = texts.score.replace('@@1@@', String(score)).replace('@@2@@', String(total));
              const email = document.getElementById('email').value.trim();
              const csv = 'Email address,' + csvField(texts.gradeItem) + '\\n' + csvField(email) + ',' + score + '\\n';
              const pre = document.getElementById('csv');
              pre.textContent = csv;
              pre.hidden = false;
              const link = document.getElementById('export');
              link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv);
              link.hidden = false;
            }
            function fillFromFragment() {
              const parameters = new URLSearchParams(location.hash.slice(1));
              for (const [name, value] of parameters) {
                if (name === 'email') {
                  document.getElementById('email').value = value;
                  continue;
                }
                const section = document.getElementById(name);
                if (!section || !section.classList.contains('question')) {
                  continue;
                }
                const inputs = Array.from(section.querySelectorAll('input'));
                if (inputs.length === 1 && inputs[0].type === 'text') {
                  inputs[0].value = value;
                } else {
                  const chosen = value.split(',');
                  inputs.forEach(i => { i.checked = chosen.includes(i.value); });
                }
              }
              if (parameters.has('check')) {
                check();
              }
            }
            document.getElementById('check').addEventListener('click', check);
            fillFromFragment();
            """;
}
