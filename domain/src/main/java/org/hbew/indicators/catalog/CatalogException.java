package org.hbew.indicators.catalog;

import java.util.List;

/** The catalog file is unusable; the message names every bad entry. */
public final class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super("catalog " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
