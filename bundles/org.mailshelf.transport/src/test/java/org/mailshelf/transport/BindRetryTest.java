package org.mailshelf.transport;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class BindRetryTest {

    @Test
    public void waitsLongerEachTimeUpToHalfAMinuteAndLogsSparingly() {
        List<Long> delays = new ArrayList<>();
        List<Integer> logged = new ArrayList<>();
        BindRetry retry = BindRetry.NONE;
        for (int i = 0; i < 60; i++) {
            retry = retry.next();
            delays.add(retry.delayMillis());
            if (retry.worthLogging()) {
                logged.add(retry.attempt());
            }
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), delays.subList(0, 8));
        assertEquals(30000L, (long) delays.get(59));
        assertEquals(List.of(1, 2, 4, 8, 16, 20, 40, 60), logged);
    }
}
