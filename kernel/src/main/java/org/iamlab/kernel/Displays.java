package org.iamlab.kernel;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.iamlab.engine.authz.Authorization;
import org.iamlab.engine.render.HtmlTraceView;
import org.iamlab.engine.render.TextTraceView;
import org.iamlab.engine.render.WorldViews;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.trace.Trace;
import org.iamlab.dsl.ScriptWarning;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.WhatCan;
import org.iamlab.engine.world.WhoCan;
import org.iamlab.engine.world.World;
import org.iamlab.lessons.Task;
import org.iamlab.lessons.check.Feedback;
import org.iamlab.lessons.render.ExerciseView;
import org.iamlab.lessons.render.FeedbackView;

/**
 * How values look in a notebook: a MIME bundle per value, {@code text/plain} always, {@code text/html} for IAM
 * Lab's own values (decisions and their traces, and the DSL's world, principals and policies), drawn by the
 * engine's views so that the kernel, the site and the command line show the same picture.
 */
final class Displays {

    private Displays() {
    }

    /** The bundle for {@code value}; values of other libraries fall back to {@code fallback}. */
    static DisplayData render(Object value, Renderer fallback) {
        if (value instanceof DisplayData data) {
            return data;
        }
        if (value instanceof Authorization a) {
            return a.trace() != null ? trace(a.trace()) : decision(a.decision());
        }
        if (value instanceof Trace t) {
            return trace(t);
        }
        if (value instanceof Decision d) {
            return decision(d);
        }
        if (value instanceof Answer a) {
            return a.trace() == null ? decision(a.decision())
                    : bundle(TextTraceView.render(a.trace()), HtmlTraceView.fragment(a.trace(), a.advice()));
        }
        if (value instanceof CliOutput o) {
            return cliOutput(o);
        }
        if (value instanceof ScriptWarning w) {
            return bundle(w.toString(), "<pre class=\"iamlab-warning\" style=\"color:#9a6700\">\u26A0 "
                    + escape(w.toString()) + "</pre>");
        }
        if (value instanceof World w) {
            return bundle(WorldViews.worldText(w), WorldViews.world(w));
        }
        if (value instanceof PolicyHolder h) {
            return bundle(WorldViews.holderText(h), WorldViews.holder(h));
        }
        if (value instanceof Policy p) {
            return bundle(WorldViews.policyText(p), WorldViews.policy(p));
        }
        if (value instanceof Session s) {
            return bundle(s.toString(), WorldViews.session(s));
        }
        if (value instanceof WhoCan w) {
            return bundle(w.toString(), WorldViews.whoCan(w));
        }
        if (value instanceof WhatCan w) {
            return bundle(w.toString(), WorldViews.whatCan(w));
        }
        if (value instanceof Feedback f) {
            return feedback(f);
        }
        if (value instanceof Task t) {
            return bundle(ExerciseView.text(t.exercise()), ExerciseView.html(t.exercise()));
        }
        return fallback.render(value);
    }

    /** What an {@code aws} command printed: the CLI's JSON (also as {@code application/json}), or its error. */
    static DisplayData cliOutput(CliOutput o) {
        DisplayData data = new DisplayData(o.text());
        if (o.error()) {
            data.putHTML("<pre class=\"iamlab-aws-error\" style=\"color:#cf222e\">\u2715 " + escape(o.text()) + "</pre>");
        } else if (!o.text().isBlank()) {
            try {
                data.putData("application/json", JsonParser.parseString(o.text()));
                data.putMetaData("application/json", Map.of("expanded", true));
            } catch (JsonParseException e) {
                return data;
            }
        }
        return data;
    }

    /** An exercise's feedback: text, HTML, and the check JSON that tools read without parsing words. */
    static DisplayData feedback(Feedback f) {
        DisplayData data = bundle(FeedbackView.text(f), FeedbackView.html(f));
        data.putData(FeedbackView.CHECK_MIME, new com.google.gson.Gson().toJsonTree(FeedbackView.json(f)));
        return data;
    }

    /** A decision with its explanation: the text trace and the HTML trace view. */
    static DisplayData trace(Trace trace) {
        return bundle(TextTraceView.render(trace), HtmlTraceView.fragment(trace));
    }

    /** A decision alone: its word, and in HTML also its icon. */
    static DisplayData decision(Decision d) {
        String icon = switch (d) {
            case ALLOWED -> "\u2713";
            case EXPLICITLY_DENIED -> "\u2715";
            case IMPLICITLY_DENIED -> "\u2205";
        };
        String colour = switch (d) {
            case ALLOWED -> "#1a7f37";
            case EXPLICITLY_DENIED -> "#cf222e";
            case IMPLICITLY_DENIED -> "#9a6700";
        };
        return bundle(d.label(), "<span class=\"iamlab-decision\" style=\"font-weight:600;color:" + colour + "\">"
                + icon + " " + d.label() + "</span>");
    }

    /** A bundle of {@code text/plain} and {@code text/html}. */
    static DisplayData bundle(String text, String html) {
        DisplayData data = new DisplayData(text);
        data.putHTML(html);
        return data;
    }

    /** {@code text} escaped for HTML. */
    static String escape(String text) {
        return FeedbackView.escape(text);
    }
}
