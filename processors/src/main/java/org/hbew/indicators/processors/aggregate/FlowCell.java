package org.hbew.indicators.processors.aggregate;

/**
 * One origin-to-destination cell of a flow in one window: how many flow events, how many of them
 * completed the movement (direct settlements, completed transfers, dispatched support), and the CNY
 * they moved. Mutable for the same reason as {@link IndicatorAccumulator}.
 */
public final class FlowCell {

    private long events;
    private long completed;
    private double amount;

    public FlowCell() {
    }

    FlowCell(long events, long completed, double amount) {
        this.events = events;
        this.completed = completed;
        this.amount = amount;
    }

    public void add(boolean completedMovement, double movedAmount) {
        events++;
        if (completedMovement) {
            completed++;
        }
        amount += movedAmount;
    }

    public void merge(FlowCell other) {
        events += other.events;
        completed += other.completed;
        amount += other.amount;
    }

    public FlowCell copy() {
        return new FlowCell(events, completed, amount);
    }

    public long events() {
        return events;
    }

    public long completed() {
        return completed;
    }

    public double amount() {
        return amount;
    }
}
