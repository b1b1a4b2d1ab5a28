<#ftl encoding="UTF-8">
<#include "_thanks.ftl">
<#assign because = thanksFor(reward)>
Hallo ${customer.preferredName},

wir haben ein Dankeschön für Sie: ${reward.description?remove_ending(".")}.
<#if because?has_content>

Damit möchten wir uns bei Ihnen bedanken für
${because?remove_ending(".")}.
</#if>

Kunden wie Sie sind der Grund, warum uns unsere Arbeit so viel Freude
macht. Wenn Sie Fragen dazu haben, antworten Sie einfach auf diese
E-Mail – sie landet direkt bei mir.

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
