package briefing.ledger;

import java.time.LocalDate;
import java.util.Random;

/** Small generators for the property tests: each takes the {@link Random} of one seed, so every case can be replayed. */
final class RandomValues {

    private RandomValues() {
    }

    static String string(Random random, String chars, int minLength, int maxLength) {
        int length = intBetween(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    static <T> T orNull(Random random, double nullProbability, T value) {
        return random.nextDouble() < nullProbability ? null : value;
    }

    static int intBetween(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Uniform in [min, max], with each bound now and then, as the edge cases a property tool would try. */
    static long longBetween(Random random, long min, long max) {
        int edge = random.nextInt(20);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        long span = max - min;
        return span == Long.MAX_VALUE ? min + (random.nextLong() & Long.MAX_VALUE) : min + random.nextLong(span + 1);
    }

    static LocalDate epochDay(Random random, int min, int max) {
        return LocalDate.ofEpochDay(intBetween(random, min, max));
    }

    static <E extends Enum<E>> E oneOf(Random random, Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[random.nextInt(values.length)];
    }
}
