package cn.huimin.domain.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentIdTest {
    @Test
    void theStandardExampleIsValid() {
        // GB 11643-1999 example: 11010519491231002X
        assertThat(ResidentId.problem("11010519491231002X")).isNull();
        assertThat(ResidentId.problem("11010519491231002x")).isNull();
        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentId.problem("440524188001010014")).isEqualTo("expert.idNumber.birthDate");
    }

    @Test
    void eachProblemHasItsKey() {
        assertThat(ResidentId.problem("")).isEqualTo("validation.required");
        assertThat(ResidentId.problem("1101051949123100")).isEqualTo("expert.idNumber.format");
        assertThat(ResidentId.problem("11010519491231002Y")).isEqualTo("expert.idNumber.format");
        assertThat(ResidentId.problem("110105194912310021")).isEqualTo("expert.idNumber.checkCharacter");
        assertThat(ResidentId.problem("110105194902300028")).isEqualTo("expert.idNumber.birthDate");
    }

    @Test
    void theHashIgnoresCaseAndSpaces() {
        assertThat(ResidentId.hash(" 11010519491231002x ")).isEqualTo(ResidentId.hash("11010519491231002X")).hasSize(64);
        assertThat(ResidentId.hash("11010519491231002X")).isNotEqualTo(ResidentId.hash("110105194912310029"));
    }
}
