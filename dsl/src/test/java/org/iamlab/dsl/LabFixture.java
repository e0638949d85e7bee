package org.iamlab.dsl;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.world.World;

/** A lab that records what scripts show, for tests. */
final class LabFixture {

    final List<Object> shown = new ArrayList<>();
    final Lab lab = new Lab(new World(), shown::add);

    Object run(String script) {
        return lab.run(script, "test.groovy");
    }

    String shownText() {
        StringBuilder out = new StringBuilder();
        shown.forEach(o -> out.append(o).append('\n'));
        return out.toString();
    }
}
