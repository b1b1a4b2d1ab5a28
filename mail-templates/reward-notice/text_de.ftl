<#ftl encoding="UTF-8">
<#-- wofür, nach "bedanken für": den Grund einer Regel hier in dieser Sprache, den einer Person wie geschrieben -->
<#function thanksFor reward>
  <#switch (reward.cause)!"">
    <#case "ANNIVERSARY"><#return "Ihre " + ((reward.detail)!"") + " Jahre Treue als unser Kunde">
    <#case "TOP_TIER"><#return "Ihren Platz unter unseren zehn wichtigsten Kunden">
    <#case "INTRODUCTION_CONVERTED"><#return "die Vorstellung bei " + ((reward.detail)!"") + ", aus der ein Geschäft wurde">
    <#case "REFERRAL_CONVERTED"><#return "Ihre Empfehlung von " + ((reward.detail)!"")>
    <#default><#return (reward.reason)!"">
  </#switch>
</#function>
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
