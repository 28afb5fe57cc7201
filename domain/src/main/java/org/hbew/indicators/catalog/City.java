package org.hbew.indicators.catalog;

/** One of the four cities, by the code used in events, keys and metric labels. */
public record City(String code, String nameZh, String nameEn) {
}
