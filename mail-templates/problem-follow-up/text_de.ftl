<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

es tut mir leid, dass es zuletzt Ärger gab:
„${problem.summary}“.
Ich weiß, wie sehr so etwas den Arbeitsalltag stören kann, und danke
Ihnen für Ihre Geduld, während wir uns darum gekümmert haben.
<#if (problem.resolution)?has_content>

Was wir unternommen haben:
${problem.resolution?remove_ending(".")}.
</#if>

Mir ist wichtig, dass das Problem wirklich behoben ist. Läuft
inzwischen wieder alles so, wie es soll? Falls nicht, antworten Sie
einfach auf diese E-Mail oder rufen Sie mich an – ich kümmere mich
persönlich darum.

Herzliche Grüße
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
Sie erhalten diese E-Mail als Kunde von
${company.name}.
Wenn Sie solche E-Mails nicht mehr erhalten möchten, können Sie sich
hier abmelden:
${links.unsubscribe}
</#if>
