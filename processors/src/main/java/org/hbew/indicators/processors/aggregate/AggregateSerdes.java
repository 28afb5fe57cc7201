package org.hbew.indicators.processors.aggregate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Binary serdes of the rollup's state and repartition values, built on {@link ItemCityWindowSerde}. */
public final class AggregateSerdes {

    private AggregateSerdes() {
    }

    public static Serde<ItemCityWindow> itemCityWindow() {
        return new ItemCityWindowSerde();
    }

    public static Serde<CityContribution> cityContribution() {
        return Serdes.serdeFrom(
                (topic, c) -> c == null ? null : write(out -> {
                    out.writeUTF(c.city());
                    out.writeUTF(c.window());
                    out.writeLong(c.windowStart());
                    out.writeLong(c.windowEnd());
                    ItemCityWindowSerde.writeTo(out, c.figures());
                }),
                (topic, bytes) -> bytes == null ? null : read(bytes, in -> new CityContribution(in.readUTF(), in.readUTF(),
                        in.readLong(), in.readLong(), ItemCityWindowSerde.readFrom(in))));
    }

    public static Serde<RegionPartials> regionPartials() {
        return Serdes.serdeFrom(
                (topic, partials) -> partials == null ? null : write(out -> {
                    out.writeInt(partials.byCity().size());
                    for (Map.Entry<String, ItemCityWindow> e : partials.byCity().entrySet()) {
                        out.writeUTF(e.getKey());
                        ItemCityWindowSerde.writeTo(out, e.getValue());
                    }
                }),
                (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
                    int cities = in.readInt();
                    Map<String, ItemCityWindow> byCity = new TreeMap<>();
                    for (int i = 0; i < cities; i++) {
                        byCity.put(in.readUTF(), ItemCityWindowSerde.readFrom(in));
                    }
                    return new RegionPartials(byCity);
                }));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write rollup state", e);
        }
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try {
            return reader.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new SerializationException("cannot read rollup state", e);
        }
    }
}
