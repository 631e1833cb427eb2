package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.quiz.QuestionOrder;

/** Reads and lists the values of {@code --order}: {@code shuffle} or {@code file}. */
public final class QuestionOrderConverter extends EnumOption<QuestionOrder> {

    public QuestionOrderConverter() {
        super(QuestionOrder.class);
    }
}
