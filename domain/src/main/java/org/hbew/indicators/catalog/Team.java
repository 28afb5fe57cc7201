package org.hbew.indicators.catalog;

/** A team that owns a domain of the agreement; alerts about its items are routed to it. */
public record Team(String code, String name) {
}
