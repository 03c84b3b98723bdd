package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.PlannedChange;
import com.nasnetconnect.domain.schema.types.PlanChangeInput;
import com.nasnetconnect.domain.schema.types.PlanOp;
import com.nasnetconnect.domain.schema.types.UserError;
import com.nasnetconnect.domain.state.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The changes of {@code applyPlan} as the domain's {@link PlannedChange}s. The schema gives every change one
 * optional input per kind; exactly the one of its kind must be given (none for a delete), which only GraphQL can
 * get wrong and so is checked here. Everything else about a change is the domain's to check.
 */
final class PlanInputs {
    private PlanInputs() {
    }

    /** The changes in order, or the errors of those carrying the wrong inputs (then nothing is to be applied). */
    record Translated(List<PlannedChange> changes, List<UserError> errors) {
    }

    static Translated translate(List<PlanChangeInput> input) {
        var errors = new ArrayList<UserError>();
        var planned = new ArrayList<PlannedChange>();
        for (int i = 0; i < input.size(); i++) {
            PlanChangeInput c = input.get(i);
            String field = GraphQlMapper.planInputField(c.getKind());
            List<String> given = GraphQlMapper.givenPlanInputs(c);
            boolean wantsInput = c.getOp() != PlanOp.DELETE;
            if (wantsInput ? !given.equals(List.of(field)) : !given.isEmpty()) {
                errors.add(UserErrors.error(List.of("changes", String.valueOf(i), wantsInput ? field : given.getFirst()),
                        c.getOp() + " of " + c.getKind() + (wantsInput ? " needs exactly the '" + field + "' input" : " takes no input")
                                + ", got " + given, String.join(",", given)));
                continue;
            }
            planned.add(new PlannedChange(PlannedChange.Op.valueOf(c.getOp().name()), c.getKind(),
                    Optional.ofNullable(c.getUuid()), wantsInput ? Arguments.fields(GraphQlMapper.planInput(c)) : Fields.EMPTY));
        }
        return new Translated(planned, errors);
    }

    /** The domain's {@code changes.<i>.configuration} is the change's typed input: {@code changes.<i>.vlan}. */
    static UnaryOperator<List<String>> paths(List<PlanChangeInput> input) {
        return at -> at.size() < 3 || !at.get(2).equals("configuration") ? at
                : UserErrors.plus(at.subList(0, 2), UserErrors.plus(
                        List.of(GraphQlMapper.planInputField(input.get(Integer.parseInt(at.get(1))).getKind())), at.subList(3, at.size())));
    }
}
