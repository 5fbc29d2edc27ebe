package org.psyscreen.definition;

/** Comparison operators, written out explicitly because sources disagree on {@code >} vs {@code >=}. */
public enum Comparison {
    /** Greater than or equal ({@code >=}). */
    GE(">="),
    /** Greater than ({@code >}). */
    GT(">"),
    /** Less than or equal ({@code <=}). */
    LE("<="),
    /** Less than ({@code <}). */
    LT("<"),
    /** Equal ({@code ==}). */
    EQ("==");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the operator as written in files} */
    public String symbol() {
        return symbol;
    }

    /**
     * Applies the operator: {@code left op right}.
     *
     * @param left the value read
     * @param right the threshold
     * @return whether {@code left op right} holds
     */
    public boolean test(double left, double right) {
        return switch (this) {
            case GE -> left >= right;
            case GT -> left > right;
            case LE -> left <= right;
            case LT -> left < right;
            case EQ -> left == right;
        };
    }

    /**
     * {@return the operator for a symbol, or {@code null}}
     *
     * @param symbol an operator as written ({@code >=}, {@code >}, …)
     */
    public static Comparison ofSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
