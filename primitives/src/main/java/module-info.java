/**
 * threading4j: Python's {@code threading} primitives for Java, built only on {@code VarHandle} and
 * {@code LockSupport}. The API is package {@link org.threading4j}; the engine in
 * {@code org.threading4j.internal} is not exported.
 */
module org.threading4j {
    exports org.threading4j;
}
