package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WCAG 2.1 AA: every text colour of the HTML view has a contrast ratio of at least 4.5:1 against each
 * background it is drawn on, in the light palette and in the dark one (formula of WCAG 2.1, "contrast ratio").
 */
class PaletteTests {

    /** {text, background} pairs as the stylesheet uses them. */
    private static final String[][] PAIRS = {
            {Palette.FG, Palette.BG}, {Palette.FG, Palette.CODE}, {Palette.MUTED, Palette.BG},
            {Palette.MUTED, Palette.CODE},
            {Palette.FG, Palette.OK_BG}, {Palette.FG, Palette.DENY_BG}, {Palette.FG, Palette.MISS_BG},
            {Palette.OK, Palette.OK_BG}, {Palette.OK, Palette.BG}, {Palette.OK, Palette.CODE},
            {Palette.DENY, Palette.DENY_BG}, {Palette.DENY, Palette.BG}, {Palette.DENY, Palette.CODE},
            {Palette.MISS, Palette.MISS_BG}, {Palette.MISS, Palette.BG}, {Palette.MISS, Palette.CODE},
            {Palette.MUTED, Palette.OK_BG}, {Palette.MUTED, Palette.DENY_BG}, {Palette.MUTED, Palette.MISS_BG},
    };

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyTextColourReachesWcagAaOnItsBackgrounds(String name) {
        Palette p = name.equals("light") ? Palette.LIGHT : Palette.DARK;
        List<String> failing = new ArrayList<>();
        for (String[] pair : PAIRS) {
            double ratio = contrast(p.get(pair[0]), p.get(pair[1]));
            if (ratio < 4.5) {
                failing.add(pair[0] + " on " + pair[1] + ": " + String.format("%.2f", ratio));
            }
        }
        assertTrue(failing.isEmpty(), name + " palette below 4.5:1: " + failing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void bordersThatCarryMeaningStandOutFromTheBackground(String name) {
        Palette p = name.equals("light") ? Palette.LIGHT : Palette.DARK;
        // WCAG 1.4.11 (non-text contrast): 3:1 for the coloured borders and path strokes.
        for (String border : new String[] {Palette.OK_LINE, Palette.DENY_LINE, Palette.MISS_LINE, Palette.FG}) {
            double ratio = contrast(p.get(border), p.get(Palette.BG));
            assertTrue(ratio >= 3, name + " " + border + " on background: " + ratio);
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 255) + 0.7152 * channel(rgb >> 8 & 255) + 0.0722 * channel(rgb & 255);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
