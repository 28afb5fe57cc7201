package org.hbew.indicators.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;

/**
 * Binds a valid envelope written exactly as the ingest gateway writes it to hbew.events.raw (Jackson's compact
 * form of {@link EventEnvelope}: its fields in declaration order, no white space, no escapes), straight from the
 * bytes, without a JSON tree. Anything else, or anything this reader is not sure is valid, it leaves to
 * {@link EventParser}'s general route by answering null; so it never words a problem and never refuses an event.
 *
 * <p>Why: the general route (tree, shape check, checks) was a third of the processors' stream thread, and every
 * record the gateway writes has this form. The rules here are the general route's for the valid case: the schema
 * (version, UUID, cities, item range, timestamps, flow payloads), the catalog (the indicator belongs to the item and
 * is posted directly, its unit, its range, whole numbers) and the flows' consistency (two different cities, the
 * reporting city one of them, no time after {@code occurredAt}, times in order). {@code CompactEnvelopeTest} holds
 * the two routes to the same event on every kind of event and on random mutations of their bytes and fields;
 * a rule added to the general route and not here makes it fail.
 */
final class CompactEnvelope {

    private static final byte[] START = ascii("{\"schemaVersion\":1,\"eventId\":\"");
    private static final byte[] CITY = ascii("\",\"city\":\"");
    private static final byte[] ITEM = ascii("\",\"item\":");
    private static final byte[] INDICATOR = ascii(",\"indicator\":\"");
    private static final byte[] OCCURRED_AT = ascii("\",\"occurredAt\":\"");
    private static final byte[] VALUE = ascii("\",\"value\":");
    private static final byte[] UNIT = ascii(",\"unit\":\"");
    private static final byte[] PAYLOAD = ascii("\",\"payload\":{");
    private static final int UUID_LENGTH = 36;
    private static final int MAX_NUMBER_LENGTH = 32;
    /** Below 2^53, so the digits are an exact double; 10^15 and its smaller powers are exact too. */
    private static final int MAX_EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15};

    private final List<City> cities;
    private final List<Item> items;

    CompactEnvelope(Catalog catalog) {
        this.cities = catalog.cities();
        this.items = catalog.items();
    }

    /** The envelope, or null to leave the bytes to the general route. */
    EventEnvelope read(byte[] bytes) {
        return new Cursor(bytes).envelope();
    }

    private final class Cursor implements PayloadForm.CompactReader {
        private final byte[] bytes;
        private int pos;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        EventEnvelope envelope() {
            if (!expect(START)) {
                return null;
            }
            UUID eventId = uuid();
            if (eventId == null || !expect(CITY)) {
                return null;
            }
            String city = city();
            if (city == null || !expect(ITEM)) {
                return null;
            }
            Item item = item();
            if (item == null || !expect(INDICATOR)) {
                return null;
            }
            int codeStart = pos;
            int codeEnd = closingQuote();
            if (codeEnd < 0 || !expect(OCCURRED_AT)) {
                return null;
            }
            OffsetDateTime occurredAt = time();
            if (occurredAt == null) {
                return null;
            }
            Flow flow = item.flow().orElse(null);
            if (flow != null && same(flow.code(), codeStart, codeEnd)) {
                FlowPayload payload = expect(PAYLOAD) ? payload(flow, city, occurredAt) : null;
                return payload != null && expect('}') && pos == bytes.length
                        ? new EventEnvelope(EventEnvelope.CURRENT_SCHEMA_VERSION, eventId, city, item.number(),
                                flow.code(), occurredAt, null, null, payload)
                        : null;
            }
            Indicator indicator = plainIndicator(item, codeStart, codeEnd);
            if (indicator == null || !expect(VALUE)) {
                return null;
            }
            double value = number();
            if (Double.isNaN(value) || !expect(UNIT)) {
                return null;
            }
            int unitStart = pos;
            int unitEnd = closingQuote();
            if (unitEnd < 0 || !same(indicator.unit().code(), unitStart, unitEnd) || !expect('"') || !expect('}')
                    || pos != bytes.length) {
                return null;
            }
            if (!indicator.range().contains(value) || indicator.unit().wholeNumbers() && value != Math.rint(value)) {
                return null;
            }
            return new EventEnvelope(EventEnvelope.CURRENT_SCHEMA_VERSION, eventId, city, item.number(),
                    indicator.code(), occurredAt, value, indicator.unit().code(), null);
        }

        /**
         * The payload of {@code flow} up to and including its closing brace, read by its form and checked as the
         * general route does.
         */
        private FlowPayload payload(Flow flow, String city, OffsetDateTime occurredAt) {
            FlowPayload payload = PayloadForm.of(flow).read(this);
            if (payload == null || payload.origin().equals(payload.destination())
                    || !city.equals(payload.origin()) && !city.equals(payload.destination())) {
                return null;
            }
            for (int i = 0, n = payload.timeFields().size(); i < n; i++) {
                OffsetDateTime time = payload.time(i);
                if (time != null && time.isAfter(occurredAt)) {
                    return null;
                }
            }
            List<TimeOrder> orders = payload.timeOrders();
            for (int i = 0, n = orders.size(); i < n; i++) {
                if (orders.get(i).brokenBy(payload)) {
                    return null;
                }
            }
            return payload;
        }

        /** A catalog city's code (the catalog's own String) written here, up to its closing quote; or null. */
        @Override
        public String city() {
            int start = pos;
            int end = closingQuote();
            if (end < 0) {
                return null;
            }
            for (City city : cities) {
                if (same(city.code(), start, end)) {
                    return city.code();
                }
            }
            return null;
        }

        /** An item number as JSON writes an integer, of an item in the catalog; or null. */
        private Item item() {
            int number = 0;
            int start = pos;
            while (pos < bytes.length && isDigit(bytes[pos]) && pos - start < 3) {
                number = number * 10 + (bytes[pos++] - '0');
            }
            if (pos == start || bytes[start] == '0' || pos < bytes.length && isDigit(bytes[pos])) {
                return null;
            }
            for (Item item : items) {
                if (item.number() == number) {
                    return item;
                }
            }
            return null;
        }

        /** The item's indicator of this code that events name directly (not one derived from its flow); or null. */
        private Indicator plainIndicator(Item item, int start, int end) {
            for (Indicator indicator : item.indicators()) {
                if (!indicator.derivedFromFlow() && same(indicator.code(), start, end)) {
                    return indicator;
                }
            }
            return null;
        }

        /** The constant whose lower-case name is written here, up to its closing quote; or null. */
        @Override
        public <E extends Enum<E>> E constant(E[] values) {
            int start = pos;
            int end = closingQuote();
            if (end < 0) {
                return null;
            }
            for (E value : values) {
                if (sameIgnoringCase(value.name(), start, end)) {
                    return value;
                }
            }
            return null;
        }

        /** A UUID in canonical lower-case form, not the nil or max UUID (placeholders, see EventParser); or null. */
        private UUID uuid() {
            if (pos + UUID_LENGTH > bytes.length) {
                return null;
            }
            long msb = 0;
            long lsb = 0;
            int ones = 0;
            for (int i = 0; i < UUID_LENGTH; i++) {
                int c = bytes[pos + i];
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (c != '-') {
                        return null;
                    }
                    continue;
                }
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (digit < 0) {
                    return null;
                }
                ones += digit == 15 ? 1 : 0;
                if (i < 18) {
                    msb = msb << 4 | digit;
                } else {
                    lsb = lsb << 4 | digit;
                }
            }
            pos += UUID_LENGTH;
            if (msb == 0 && lsb == 0 || ones == 32) {
                return null;
            }
            return new UUID(msb, lsb);
        }

        /** A date-time in the canonical form {@link IsoDateTimes} reads, up to its closing quote; or null. */
        @Override
        public OffsetDateTime time() {
            int start = pos;
            int end = closingQuote();
            return end < 0 ? null
                    : IsoDateTimes.parseCanonical(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        }

        /** A finite JSON number (its grammar exactly) other than the integer -0, or NaN. */
        @Override
        public double number() {
            int start = pos;
            int i = CompactJson.numberEnd(bytes, start, bytes.length);
            if (i < 0 || i - start > MAX_NUMBER_LENGTH) {
                return Double.NaN;
            }
            int intStart = bytes[start] == '-' ? start + 1 : start;
            boolean integral = true;
            for (int k = intStart; k < i; k++) {
                integral &= isDigit(bytes[k]);
            }
            if (integral && bytes[start] == '-' && bytes[intStart] == '0') {
                // Jackson reads -0 as the integer 0, whose double is +0.0, not Double.parseDouble's -0.0.
                return Double.NaN;
            }
            pos = i;
            double exact = exactly(start, i);
            if (!Double.isNaN(exact)) {
                return exact;
            }
            double value = Double.parseDouble(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
            return Double.isFinite(value) ? value : Double.NaN;
        }

        /**
         * A number without an exponent and of at most 15 digits, such as 39.2 or 543547.0, as its digits divided by a
         * power of ten: both are exact doubles, so the quotient is the correctly rounded value, which is what
         * {@link Double#parseDouble} answers too. NaN for other numbers.
         */
        private double exactly(int start, int end) {
            long digits = 0;
            int count = 0;
            int fractionDigits = -1;
            for (int i = bytes[start] == '-' ? start + 1 : start; i < end; i++) {
                byte b = bytes[i];
                if (b == '.') {
                    fractionDigits = 0;
                    continue;
                }
                if (!isDigit(b) || ++count > MAX_EXACT_DIGITS) {
                    return Double.NaN;
                }
                digits = digits * 10 + (b - '0');
                fractionDigits += fractionDigits >= 0 ? 1 : 0;
            }
            double value = fractionDigits > 0 ? digits / POWERS_OF_TEN[fractionDigits] : digits;
            return bytes[start] == '-' ? -value : value;
        }

        /**
         * Moves past a string's text to its closing quote (not past the quote) and returns the quote's index; -1 for
         * an escape, a control character or a non-ASCII byte, which the general route reads.
         */
        private int closingQuote() {
            int close = CompactJson.closingQuote(bytes, pos, bytes.length, Integer.MAX_VALUE);
            if (close >= 0) {
                pos = close;
            }
            return close;
        }

        private boolean expect(byte[] expected) {
            if (pos + expected.length > bytes.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (bytes[pos + i] != expected[i]) {
                    return false;
                }
            }
            pos += expected.length;
            return true;
        }

        @Override
        public boolean expect(String expected) {
            if (pos + expected.length() > bytes.length || !same(expected, pos, pos + expected.length())) {
                return false;
            }
            pos += expected.length();
            return true;
        }

        private boolean expect(char expected) {
            if (pos < bytes.length && bytes[pos] == expected) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean same(String text, int start, int end) {
            if (end - start != text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (bytes[start + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code bytes[start, end)} is {@code upperCaseName} in lower case. */
        private boolean sameIgnoringCase(String upperCaseName, int start, int end) {
            if (end - start != upperCaseName.length()) {
                return false;
            }
            for (int i = 0; i < upperCaseName.length(); i++) {
                if (bytes[start + i] != Character.toLowerCase(upperCaseName.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
