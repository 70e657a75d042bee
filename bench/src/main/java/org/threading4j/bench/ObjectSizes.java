package org.threading4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;
import org.threading4j.Barrier;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Condition;
import org.threading4j.Event;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.Semaphore;
import org.threading4j.Timer;

/**
 * Object sizes (JOL) of each primitive beside its JDK peer, freshly constructed and idle: the shallow
 * size of the object itself and the retained size of everything reachable from it (its engine, wait
 * queue header, and so on; shared JVM-wide objects such as classes are not reachable from instances and
 * so not counted). Prints JSON to standard output:
 * {@code java -cp bench/target/benchmarks.jar org.threading4j.bench.ObjectSizes > docs/bench/object-sizes.json}.
 */
public final class ObjectSizes {

    private ObjectSizes() {
    }

    private static final class Row {
        final String primitive;
        final String subject;
        final Object instance;

        Row(String primitive, String subject, Object instance) {
            this.primitive = primitive;
            this.subject = subject;
            this.instance = instance;
        }
    }

    public static void main(String[] args) {
        Runnable nothing = () -> { };
        Lock lockForCondition = new Lock();
        ReentrantLock reentrantForCondition = new ReentrantLock();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Lock", "org.threading4j.Lock", new Lock()));
        rows.add(new Row("Lock", "ReentrantLock (nonfair)", new ReentrantLock()));
        rows.add(new Row("Lock", "Object (monitor, unlocked)", new Object()));
        rows.add(new Row("RLock", "org.threading4j.RLock", new RLock()));
        rows.add(new Row("RLock", "ReentrantLock (nonfair)", new ReentrantLock()));
        rows.add(new Row("Condition", "org.threading4j.Condition(Lock), lock included",
                new Condition(lockForCondition)));
        rows.add(new Row("Condition", "ReentrantLock.newCondition(), lock included",
                reentrantForCondition.newCondition()));
        rows.add(new Row("Semaphore", "org.threading4j.Semaphore(4)", new Semaphore(4)));
        rows.add(new Row("Semaphore", "java.util.concurrent.Semaphore(4)", new java.util.concurrent.Semaphore(4)));
        rows.add(new Row("BoundedSemaphore", "org.threading4j.BoundedSemaphore(4)", new BoundedSemaphore(4)));
        rows.add(new Row("BoundedSemaphore", "java.util.concurrent.Semaphore(4)",
                new java.util.concurrent.Semaphore(4)));
        rows.add(new Row("Event", "org.threading4j.Event", new Event()));
        rows.add(new Row("Event", "CountDownLatch(1)", new CountDownLatch(1)));
        rows.add(new Row("Barrier", "org.threading4j.Barrier(4)", new Barrier(4)));
        rows.add(new Row("Barrier", "CyclicBarrier(4)", new CyclicBarrier(4)));
        rows.add(new Row("Barrier", "Phaser(4)", new Phaser(4)));
        rows.add(new Row("Timer", "org.threading4j.Timer (not started; its action and factory lambdas included)",
                new Timer(Duration.ofSeconds(1), nothing)));
        rows.add(new Row("Timer", "java.util.TimerTask (not scheduled)", new TimerTask() {
            @Override
            public void run() {
            }
        }));

        StringBuilder out = new StringBuilder();
        out.append("{\n  \"vm\": ").append(quote(VM.current().details().replace('\n', ' ').trim()));
        out.append(",\n  \"javaVersion\": ").append(quote(System.getProperty("java.version")));
        out.append(",\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long shallow = ClassLayout.parseInstance(r.instance).instanceSize();
            GraphLayout graph = GraphLayout.parseInstance(r.instance);
            long deep = graph.totalSize();
            out.append(String.format(Locale.ROOT,
                    "    {\"primitive\": %s, \"subject\": %s, \"shallowBytes\": %d, \"retainedBytes\": %d, "
                            + "\"objects\": %d}%s%n",
                    quote(r.primitive), quote(r.subject), shallow, deep, graph.totalCount(),
                    i + 1 < rows.size() ? "," : ""));
        }
        out.append("  ]\n}\n");
        System.out.print(out);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
