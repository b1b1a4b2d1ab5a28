<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

wir haben schon eine Weile nicht mehr miteinander gesprochen, und ich
möchte gern hören, wie es bei ${customer.company} läuft.

Funktioniert alles so, wie Sie es brauchen? Steht etwas an, bei dem ich
helfen kann? Antworten Sie einfach auf diese E-Mail – sie landet direkt
bei mir, und ich rufe Sie gern an, wann immer es Ihnen passt.

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
