package example.consumer;

import java.time.Duration;
import org.threading4j.Barrier;
import org.threading4j.Event;
import org.threading4j.Held;
import org.threading4j.Lock;

/**
 * A small program over the public API: two threads meet at a {@link Barrier}, each increments a counter
 * under a {@link Lock}, and the worker raises an {@link Event} that the main thread waits for. Prints one
 * line and exits 0 when everything behaved; exits 1 otherwise. Every wait is bounded, so it cannot hang.
 */
public final class Main {

    private static int counter;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lock lock = new Lock();
        Event done = new Event();
        Barrier start = new Barrier(2, null, Duration.ofSeconds(30));

        Thread worker = new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            try (Held h = lock.hold()) {
                counter++;
            }
            done.set();
        }, "consumer-worker");
        worker.start();

        start.await();
        try (Held h = lock.hold()) {
            counter++;
        }
        boolean set = done.await(Duration.ofSeconds(30));
        worker.join(30_000);

        String module = Lock.class.getModule().getName();
        int seen;
        try (Held h = lock.hold()) {
            seen = counter;
        }
        if (!set || seen != 2 || !"org.threading4j".equals(module) || worker.isAlive()) {
            System.out.println("threading4j consumer check FAILED: event set " + set + ", counter " + seen
                    + ", module " + module + ", worker alive " + worker.isAlive());
            System.exit(1);
        }
        System.out.println("threading4j consumer check: ok (module " + module + ", barrier tripped, counter "
                + seen + ", event set)");
    }
}
