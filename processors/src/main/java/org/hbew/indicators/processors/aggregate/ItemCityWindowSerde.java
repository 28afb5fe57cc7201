package org.hbew.indicators.processors.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link ItemCityWindow} for state stores, changelogs and the rollup
 * repartition topic. Binary rather than JSON because every event reads and writes one of these, and
 * sketches have their own encoding. The first byte is a format version so a later layout can still
 * read state written by this one.
 */
public final class ItemCityWindowSerde implements Serde<ItemCityWindow> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<ItemCityWindow> serializer() {
        return (topic, window) -> window == null ? null : write(window);
    }

    @Override
    public Deserializer<ItemCityWindow> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(ItemCityWindow window) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            writeTo(out, window);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write an item-city window", e);
        }
    }

    static void writeTo(DataOutputStream out, ItemCityWindow window) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(window.events());
        out.writeLong(window.lastEventAt());
        out.writeInt(window.indicators().size());
        for (Map.Entry<String, IndicatorAccumulator> e : window.indicators().entrySet()) {
            IndicatorAccumulator acc = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(acc.count());
            out.writeDouble(acc.sum());
            out.writeDouble(acc.min());
            out.writeDouble(acc.max());
            out.writeDouble(acc.latest());
            out.writeLong(acc.latestAt());
            DDSketch sketch = acc.sketch();
            if (sketch == null) {
                out.writeInt(-1);
            } else {
                GrowingByteArrayOutput encoded = GrowingByteArrayOutput.withDefaultInitialCapacity();
                sketch.encode(encoded, false);
                byte[] sketchBytes = encoded.trimmedCopy();
                out.writeInt(sketchBytes.length);
                out.write(sketchBytes);
            }
        }
        out.writeInt(window.flows().size());
        for (Map.Entry<String, FlowCell> e : window.flows().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().events());
            out.writeLong(e.getValue().completed());
            out.writeDouble(e.getValue().amount());
        }
    }

    static ItemCityWindow read(byte[] bytes) {
        try {
            return readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new SerializationException("cannot read an item-city window", e);
        }
    }

    static ItemCityWindow readFrom(DataInputStream in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new SerializationException("unknown item-city window format " + version);
        }
        long events = in.readLong();
        long lastEventAt = in.readLong();
        int indicatorCount = in.readInt();
        Map<String, IndicatorAccumulator> indicators = new TreeMap<>();
        for (int i = 0; i < indicatorCount; i++) {
            String code = in.readUTF();
            long count = in.readLong();
            double sum = in.readDouble();
            double min = in.readDouble();
            double max = in.readDouble();
            double latest = in.readDouble();
            long latestAt = in.readLong();
            int sketchLength = in.readInt();
            DDSketch sketch = null;
            if (sketchLength >= 0) {
                byte[] sketchBytes = in.readNBytes(sketchLength);
                sketch = DDSketch.decode(ByteArrayInput.wrap(sketchBytes),
                        () -> new CollapsingLowestDenseStore(IndicatorAccumulator.MAX_BINS));
            }
            indicators.put(code, new IndicatorAccumulator(count, sum, min, max, latest, latestAt, sketch));
        }
        int flowCount = in.readInt();
        Map<String, FlowCell> flows = new TreeMap<>();
        for (int i = 0; i < flowCount; i++) {
            flows.put(in.readUTF(), new FlowCell(in.readLong(), in.readLong(), in.readDouble()));
        }
        return new ItemCityWindow(events, lastEventAt, indicators, flows);
    }
}
