package org.threading4j.checks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget model: exact depths without a budget, linear interpolation and extrapolation with one. */
class BudgetTest {

    /** T_ci = 600 s, T_deep = 3600 s (vthreads left out: the table is read on any JDK). */
    private static final Map<String, double[]> TABLE = Budget.readTable(new ByteArrayInputStream(
            ("# comment\nbuild 100 100 # no depth\nlincheck 300 2000\nstress 200 1500\norg.x.SomeTest 1 2\n")
                    .getBytes(StandardCharsets.UTF_8)));

    @Test
    void withoutBudgetTheDepthsAreExact() {
        Budget ci = Budget.of("", false, TABLE), deep = Budget.of("", true, TABLE);
        assertEquals(200, ci.scale(200, 3_000));
        assertEquals(3_000, deep.scale(200, 3_000));
        assertEquals(0.0, ci.factor());
        assertEquals(1.0, deep.factor());
        assertEquals("-m quick -c 2 -time 200 -iters 1 -sc false", ci.jcstressArgs());
    }

    @Test
    void budgetInterpolatesBetweenCiAndDeep() {
        assertEquals(0.0, Budget.of("PT10M", true, TABLE).factor(), 1e-9);     // = T_ci
        assertEquals(1.0, Budget.of("PT1H", false, TABLE).factor(), 1e-9);     // = T_deep
        Budget half = Budget.of("PT35M", false, TABLE);                          // 2100 s: halfway
        assertEquals(0.5, half.factor(), 1e-9);
        assertEquals(1_600, half.scale(200, 3_000));
        assertEquals("-m quick -c 2 -time 200 -iters 3 -sc false", half.jcstressArgs());
        assertEquals(2100, half.expectedSeconds(), 1e-6);
        assertEquals(1.5, half.expectedSeconds("org.x.SomeTest"), 1e-9);
    }

    @Test
    void budgetExtrapolatesPastDeepAndNeverGoesBelowCi() {
        Budget twice = Budget.of("PT110M", false, TABLE);                        // 6600 s: f = 2
        assertEquals(2.0, twice.factor(), 1e-9);
        assertEquals(5_800, twice.scale(200, 3_000));
        assertEquals("-m quick -c 2 -time 200 -iters 9", twice.jcstressArgs());
        Budget tiny = Budget.of("PT1M", false, TABLE);
        assertEquals(0.0, tiny.factor());
        assertEquals(200, tiny.scale(200, 3_000));
        assertTrue(tiny.describe().contains("below the CI-depth estimate"), tiny.describe());
        assertEquals(Budget.MAX_FACTOR, Budget.of("P30D", false, TABLE).factor());
    }

    @Test
    void badBudgetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Budget.of("30 minutes", false, TABLE));
        assertThrows(IllegalArgumentException.class, () -> Budget.of("PT0S", false, TABLE));
    }
}
