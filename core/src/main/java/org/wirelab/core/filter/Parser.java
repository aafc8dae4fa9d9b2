package org.wirelab.core.filter;

import java.util.ArrayList;
import java.util.List;
import org.wirelab.core.filter.Syntax.And;
import org.wirelab.core.filter.Syntax.BitAnd;
import org.wirelab.core.filter.Syntax.Call;
import org.wirelab.core.filter.Syntax.Char;
import org.wirelab.core.filter.Syntax.Expr;
import org.wirelab.core.filter.Syntax.Member;
import org.wirelab.core.filter.Syntax.Membership;
import org.wirelab.core.filter.Syntax.Not;
import org.wirelab.core.filter.Syntax.Operand;
import org.wirelab.core.filter.Syntax.Or;
import org.wirelab.core.filter.Syntax.Relation;
import org.wirelab.core.filter.Syntax.Slice;
import org.wirelab.core.filter.Syntax.Test;
import org.wirelab.core.filter.Syntax.Text;
import org.wirelab.core.filter.Syntax.Word;
import org.wirelab.core.filter.Token.Kind;

/**
 * Parses a display filter into its {@link Syntax} tree, by recursive descent over Wireshark 4.0's grammar:
 * {@code ||} binds loosest, then {@code &&}, then {@code !}; a relation compares two operands, tests
 * membership in a set, or tests one operand alone.
 */
final class Parser {
    /** Nesting depth at most, so that a crafted filter cannot overflow the stack. */
    private static final int MAX_DEPTH = 200;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String filter) throws FilterException {
        Parser parser = new Parser(Lexer.tokens(filter));
        if (parser.peek().kind() == Kind.END) {
            throw new FilterException("the filter is empty", 0, 1);
        }
        Expr expr = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw unexpected(rest);
        }
        return expr;
    }

    private Expr or() throws FilterException {
        Expr left = and();
        while (peek().kind() == Kind.OR) {
            at++;
            left = new Or(left, and());
        }
        return left;
    }

    private Expr and() throws FilterException {
        Expr left = not();
        while (peek().kind() == Kind.AND) {
            at++;
            left = new And(left, not());
        }
        return left;
    }

    private Expr not() throws FilterException {
        if (++depth > MAX_DEPTH) {
            throw new FilterException("the filter nests too deeply", peek().column(), peek().length());
        }
        try {
            if (peek().kind() == Kind.NOT) {
                at++;
                return new Not(not());
            }
            if (peek().kind() == Kind.LEFT_PAREN) {
                Token open = next();
                Expr inner = or();
                if (peek().kind() != Kind.RIGHT_PAREN) {
                    throw new FilterException("the parenthesis opened here is not closed", open.column(), 1);
                }
                at++;
                return inner;
            }
            return relation();
        } finally {
            depth--;
        }
    }

    private Expr relation() throws FilterException {
        Operand left = operand();
        Token token = peek();
        if (token.kind() == Kind.COMPARISON) {
            at++;
            return new Relation(left, token.comparison(), operand());
        }
        if (token.kind() == Kind.IN) {
            at++;
            return new Membership(left, set(), false);
        }
        if (token.kind() == Kind.NOT && tokens.get(at + 1).kind() == Kind.IN) {
            at += 2;
            return new Membership(left, set(), true);
        }
        return new Test(left);
    }

    private List<Member> set() throws FilterException {
        Token open = next();
        if (open.kind() != Kind.LEFT_BRACE) {
            throw new FilterException("a set begins with '{', as in {80, 443} or {1..9}", open.column(), open.length());
        }
        List<Member> members = new ArrayList<>();
        while (peek().kind() != Kind.RIGHT_BRACE) {
            if (peek().kind() == Kind.END) {
                throw new FilterException("the set opened here is not closed with '}'", open.column(), 1);
            }
            Operand low = operand();
            Operand high = null;
            if (peek().kind() == Kind.RANGE_DOTS) {
                at++;
                high = operand();
            }
            members.add(new Member(low, high));
            if (peek().kind() == Kind.COMMA) {
                at++;
            } else if (peek().kind() != Kind.RIGHT_BRACE) {
                throw unexpected(peek());
            }
        }
        at++;
        if (members.isEmpty()) {
            throw new FilterException("the set is empty", open.column(), 2);
        }
        return members;
    }

    private Operand operand() throws FilterException {
        Operand left = term();
        while (peek().kind() == Kind.BITWISE_AND) {
            at++;
            left = new BitAnd(left, term());
        }
        return left;
    }

    private Operand term() throws FilterException {
        Token token = next();
        Operand operand = switch (token.kind()) {
            case WORD -> peek().kind() == Kind.LEFT_PAREN ? call(token) : new Word(token.text(), token.column());
            case STRING -> new Text(token.text(), token.column());
            case CHAR -> new Char(token.text().charAt(0), token.column());
            default -> throw unexpected(token);
        };
        while (peek().kind() == Kind.SLICE) {
            Token slice = next();
            List<SliceRange> ranges = new ArrayList<>();
            for (String part : slice.text().split(",", -1)) {
                SliceRange range = SliceRange.parse(part);
                if (range == null) {
                    throw new FilterException("\"[" + slice.text() + "]\" is not a slice: write [i], [i:length], "
                            + "[i-j], [i:] or [:length]", slice.column(), slice.length());
                }
                ranges.add(range);
            }
            operand = new Slice(operand, ranges, slice.column());
        }
        return operand;
    }

    private Operand call(Token name) throws FilterException {
        at++;
        List<Operand> arguments = new ArrayList<>();
        if (peek().kind() != Kind.RIGHT_PAREN) {
            arguments.add(operand());
            while (peek().kind() == Kind.COMMA) {
                at++;
                arguments.add(operand());
            }
        }
        Token close = next();
        if (close.kind() != Kind.RIGHT_PAREN) {
            throw new FilterException("the arguments of " + name.text() + "() end with ')'", close.column(),
                    close.length());
        }
        return new Call(name.text(), arguments, name.column());
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Kind.END) {
            at++;
        }
        return token;
    }

    private static FilterException unexpected(Token token) {
        return new FilterException(Lexer.printableText(token.described()) + " was unexpected in this context",
                token.column(), token.length());
    }
}
