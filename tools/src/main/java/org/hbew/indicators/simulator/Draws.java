package org.hbew.indicators.simulator;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The random draws the generator needs, all from one seeded {@link Random} so that a seed fixes the
 * whole sequence. Not thread-safe; the generator serialises access.
 */
final class Draws {

    private final Random random;

    Draws(long seed) {
        this.random = new Random(seed);
    }

    double unit() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    int index(int size) {
        return random.nextInt(size);
    }

    /** Log-normal with the given median; {@code sigma} is the spread of its logarithm. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Log-normal with mean 1: multiplicative noise that keeps totals right on average. */
    double noise(double sigma) {
        return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Poisson-distributed whole number with mean {@code lambda}: counts of things in an interval. */
    long poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** A version-4 UUID made of the seeded stream, so event ids repeat with the seed. */
    UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Picks from {@code values} with the given non-negative weights (same order). */
    <T> T weighted(List<T> values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            x -= weights[i];
            if (x < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
