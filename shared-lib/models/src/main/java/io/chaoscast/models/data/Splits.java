package io.chaoscast.models.data;

/**
 * Train, validation and test parts of a set of trajectories, each {@code [trajectory][time][dim]}.
 * Splits are cut in time inside every trajectory (first part trains, last part tests) so that no
 * test state was seen, even as a neighbour, during training.
 */
public record Splits(double[][][] train, double[][][] validation, double[][][] test) {

    /**
     * @param trainFraction e.g. 0.70
     * @param validationFraction e.g. 0.15; the rest is the test part
     */
    public static Splits inTime(double[][][] trajectories, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException("need 0 < train, 0 < validation and train + validation < 1, found "
                    + trainFraction + ", " + validationFraction);
        }
        int n = trajectories.length;
        double[][][] train = new double[n][][];
        double[][][] val = new double[n][][];
        double[][][] test = new double[n][][];
        for (int i = 0; i < n; i++) {
            double[][] t = trajectories[i];
            int a = (int) Math.round(t.length * trainFraction);
            int b = (int) Math.round(t.length * (trainFraction + validationFraction));
            train[i] = java.util.Arrays.copyOfRange(t, 0, a);
            val[i] = java.util.Arrays.copyOfRange(t, a, b);
            test[i] = java.util.Arrays.copyOfRange(t, b, t.length);
        }
        return new Splits(train, val, test);
    }
}
