/**
 * Sequential reference models ("specs") of the threading4j primitives: what each primitive does, written
 * as plain single-threaded Java that a reader can take in at a glance.
 *
 * <p>A spec is documentation first. Its methods carry the primitive's Java names, its Javadoc gives the
 * Python names ({@code lock.acquire(blocking=False)}), and its exceptions carry the primitive's exact
 * messages. It is also executable, and the checks run it side by side with the real primitive:
 * <ul>
 * <li>the contract suites ({@code checks/suite/.../contract}) run the same tests against a spec and against
 *     the primitive;</li>
 * <li>Lincheck uses a spec as the sequential specification that concurrent histories must linearize to;</li>
 * <li>the QuickTheories property tests run random action sequences against both and compare every
 *     result.</li>
 * </ul>
 *
 * <p><b>How a spec models waiting.</b> There are no threads in a spec. A thread is a <em>caller</em>, an
 * {@code int} id chosen by whoever drives the model. A call that would block does not block: it returns at
 * once and leaves the caller <em>waiting</em>, a pending request kept in the model's state. What ends a
 * wait is a later, separate step that the driver takes when it wants the event to happen: {@code proceed}
 * (the waiter runs again and takes the primitive if it can), {@code timeOut} (a timed waiter's time runs
 * out), {@code interrupt} ({@code Thread.interrupt()} of the caller). Every interleaving of real threads is
 * therefore some sequence of spec steps, and the spec states which sequences are legal: a caller that is
 * waiting makes no other call until its wait ends.
 *
 * <p>Time is not modelled: a timed wait lasts until the driver says {@code timeOut}. Fairness is not
 * modelled either: any waiting caller may {@code proceed} whenever the primitive is free, which covers
 * every order the real primitives may choose (including barging newcomers).
 */
package org.threading4j.specs;
