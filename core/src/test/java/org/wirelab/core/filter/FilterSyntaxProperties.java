package org.wirelab.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wirelab.core.analysis.CaptureAnalysis;
import org.wirelab.core.fields.CaptureFields;
import org.wirelab.core.pcap.CaptureFiles;
import org.wirelab.core.testing.Environment;

/**
 * The parser and the engine on generated input: a filter built from the grammar prints back as text that
 * parses to the same tree, and no input at all makes them throw anything but a {@link FilterException}.
 */
class FilterSyntaxProperties {
    private static final List<String> WORDS = List.of("tcp", "tcp.port", "ip.src", "ip.addr", "eth.src",
            "http.request.method", "dns.qry.name", "frame", "frame.len", "tcp.flags", "80", "3000", "0x12", "1.5",
            "10.0.0.0/8", "127.0.0.1", "::1", "fe80::/10", "00:11:22:33:44:55", "00:00", "GET", "True", "-1",
            "unknown.field");
    private static CaptureFields sample;

    @Property(tries = 300)
    void aFilterPrintsBackToTheSameTree(@ForAll("filters") Syntax.Expr tree) throws FilterException {
        String printed = tree.toString();
        Syntax.Expr reparsed = Parser.parse(printed);
        assertEquals(tree, reparsed, printed);
        assertEquals(printed, reparsed.toString());
    }

    @Property(tries = 500)
    void anyTextIsAFilterOrAnErrorWithAColumn(@ForAll String text) {
        check(text);
    }

    @Property(tries = 300)
    void anyMixOfFilterTokensIsAFilterOrAnErrorWithAColumn(@ForAll("tokenSoup") String text) {
        check(text);
    }

    private static void check(String text) {
        try {
            DisplayFilter filter = DisplayFilter.compile(text);
            DisplayFilter.Matcher matcher = filter.matcher(sample());
            for (int i = 0; i < sample().size(); i++) {
                matcher.matches(i);
            }
        } catch (FilterException e) {
            assertTrue(e.column() <= text.length(), e.getMessage());
            assertTrue(e.pointer(text).lines().count() == 2, e.pointer(text));
        }
    }

    private static CaptureFields sample() {
        if (sample == null) {
            try {
                Path http = Environment.samples().resolve("http-get.pcap");
                sample = new CaptureFields(CaptureAnalysis.of(CaptureFiles.read(http).frames()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return sample;
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("tcp.port", "ip.src", "==", "!=", "&&", "||", "!", "(", ")", "{",
                "}", "..", ",", "in", "not", "contains", "matches", "&", "[0:2]", "[1-", "\"a", "\"GET\"", "'x'",
                "len(", "lower(", "80", "10.0.0.0/8", "00:11", "frame", ">", "~=", "===", "\\", "]", "\u0000");
        return token.list().ofMaxSize(12).map(parts -> String.join(" ", parts));
    }

    @Provide
    Arbitrary<Syntax.Expr> filters() {
        return Arbitraries.lazyOf(this::leaf, this::leaf, this::leaf, this::and, this::or, this::not);
    }

    private Arbitrary<Syntax.Expr> and() {
        return Combinators.combine(filters(), filters()).as(Syntax.And::new);
    }

    private Arbitrary<Syntax.Expr> or() {
        return Combinators.combine(filters(), filters()).as(Syntax.Or::new);
    }

    private Arbitrary<Syntax.Expr> not() {
        return filters().map(Syntax.Not::new);
    }

    private Arbitrary<Syntax.Expr> leaf() {
        Arbitrary<Syntax.Expr> test = operand().map(Syntax.Test::new);
        Arbitrary<Syntax.Expr> relation = Combinators.combine(operand(), Arbitraries.of(Comparison.class), operand())
                .as(Syntax.Relation::new);
        Arbitrary<Syntax.Member> member = Combinators.combine(term(), term().injectNull(0.5)).as(Syntax.Member::new);
        Arbitrary<Syntax.Expr> membership = Combinators.combine(operand(), member.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false)).as(Syntax.Membership::new);
        return Arbitraries.oneOf(test, relation, membership);
    }

    private Arbitrary<Syntax.Operand> operand() {
        Arbitrary<Syntax.Operand> bitAnd = Combinators.combine(term(), term()).as(Syntax.BitAnd::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, term()), net.jqwik.api.Tuple.of(1, bitAnd));
    }

    private Arbitrary<Syntax.Operand> term() {
        Arbitrary<Syntax.Operand> word = Arbitraries.of(WORDS).map(w -> new Syntax.Word(w, 0));
        Arbitrary<Syntax.Operand> text = Arbitraries.strings().ofMaxLength(8).map(s -> new Syntax.Text(s, 0));
        Arbitrary<Syntax.Operand> character = Arbitraries.chars().range((char) 1, (char) 0xff)
                .map(c -> new Syntax.Char(c, 0));
        Arbitrary<Syntax.Operand> call = Combinators.combine(Arbitraries.of("len", "lower", "upper", "count"), word)
                .as((f, argument) -> new Syntax.Call(f, List.of(argument), 0));
        Arbitrary<Syntax.Operand> simple = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, word),
                net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(1, character), net.jqwik.api.Tuple.of(1, call));
        Arbitrary<SliceRange> range = Combinators.combine(Arbitraries.of(SliceRange.Form.class),
                Arbitraries.integers().between(-20, 60), Arbitraries.integers().between(0, 60))
                .as((form, start, bound) -> new SliceRange(form, form == SliceRange.Form.THROUGH ? Math.abs(start)
                        : start, form == SliceRange.Form.ONE || form == SliceRange.Form.TO_END ? 0 : bound));
        Arbitrary<Syntax.Operand> slice = Combinators.combine(simple, range.list().ofMinSize(1).ofMaxSize(3))
                .as((base, ranges) -> new Syntax.Slice(base, ranges, 0));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, simple), net.jqwik.api.Tuple.of(1, slice));
    }
}
