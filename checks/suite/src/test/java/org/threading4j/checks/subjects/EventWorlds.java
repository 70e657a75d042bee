package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.List;
import org.threading4j.Event;
import org.threading4j.internal.WaitQueue;

/**
 * An event and the threads that use it, as the model ({@link EventModel}) or for real ({@link Event} on
 * {@link ConditionActors}), behind one interface; see {@link ConditionWorlds} for the idea.
 */
public final class EventWorlds {

    private EventWorlds() {
    }

    /** An event and its threads. {@code set/clear/isSet} are called by the test thread: they never block. */
    public interface World extends AutoCloseable {
        /** Thread {@code t} calls {@code await()} (UNTIMED) or {@code await(timeout)}; its answer or "pending". */
        String await(int t, Wait wait);

        void set();

        void clear();

        boolean isSet();

        void interrupt(int t);

        String result(int t);

        List<Integer> waiting();

        @Override
        void close();
    }

    public static World model(int threads) {
        EventModel s = new EventModel(threads);
        return new World() {
            @Override
            public String await(int t, Wait wait) {
                return s.await(t, wait);
            }

            @Override
            public void set() {
                s.set();
            }

            @Override
            public void clear() {
                s.clear();
            }

            @Override
            public boolean isSet() {
                return s.isSet();
            }

            @Override
            public void interrupt(int t) {
                s.interrupt(t);
            }

            @Override
            public String result(int t) {
                return s.result(t);
            }

            @Override
            public List<Integer> waiting() {
                return s.waiting();
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return s.toString();
            }
        };
    }

    public static RealWorld real(int threads) {
        return new RealWorld(new Event(), threads);
    }

    /** The real event on real threads. */
    public static final class RealWorld implements World {
        public final Event event;
        public final WaitQueue queue;
        public final ConditionActors actors;
        private final boolean[] mayTimeOut;
        private final boolean[] mustLeave;
        /** As in {@link ConditionWorlds.RealWorld#waitForShortTimeouts}. */
        public boolean waitForShortTimeouts = true;

        public RealWorld(Event event, int threads) {
            this.event = event;
            this.queue = ConditionActors.queueOf(event, "sync");
            this.actors = new ConditionActors(threads, queue);
            this.mayTimeOut = new boolean[threads];
            this.mustLeave = new boolean[threads];
        }

        @Override
        public String await(int t, Wait wait) {
            submit(t, wait);
            settle();
            return actors.result(t);
        }

        /** Issues the wait without waiting for anything: for races. */
        public void submit(int t, Wait wait) {
            mayTimeOut[t] = wait == Wait.SHORT;
            Duration d = wait == Wait.ZERO ? Duration.ZERO
                    : wait == Wait.SHORT ? Wait.SHORT_DURATION : Wait.LONG_DURATION;
            actors.submit(t, () -> {
                if (wait == Wait.UNTIMED) {
                    event.await();
                    return null;
                }
                return event.await(d);
            });
        }

        @Override
        public void set() {
            event.set();
            settle();
        }

        @Override
        public void clear() {
            event.clear();
        }

        @Override
        public boolean isSet() {
            return event.isSet();
        }

        @Override
        public void interrupt(int t) {
            mustLeave[t] = ConditionActors.queued(queue, actors.thread(t));
            actors.interrupt(t);
            settle();
        }

        public void settle() {
            org.threading4j.checks.support.Threads.awaitCondition("every actor settled", () -> {
                for (int i = 0; i < mayTimeOut.length; i++) {
                    if ("pending".equals(actors.result(i))) {
                        boolean queued = ConditionActors.queued(queue, actors.thread(i));
                        if (!queued || (mayTimeOut[i] && waitForShortTimeouts) || mustLeave[i]) {
                            return false;
                        }
                    } else {
                        mayTimeOut[i] = false;
                        mustLeave[i] = false;
                    }
                }
                return true;
            });
        }

        @Override
        public String result(int t) {
            return actors.result(t);
        }

        @Override
        public List<Integer> waiting() {
            return actors.queuedActors(queue);
        }

        @Override
        public void close() {
            actors.close();
        }

        @Override
        public String toString() {
            return event + " waiting " + waiting() + "; " + actors;
        }
    }
}
