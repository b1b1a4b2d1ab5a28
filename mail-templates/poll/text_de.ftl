<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

wir möchten gern erfahren, wie wir ${customer.company} noch besser
unterstützen können, und Ihre Antwort würde mir sehr helfen. Es dauert
nur eine Minute:

<#list poll.questions as question>
- ${question.text}
</#list>

Hier antworten: ${links.poll}

Sie können bis zum ${poll.endsOn} antworten. Wenn Sie es mir lieber in
eigenen Worten sagen möchten, antworten Sie einfach auf diese E-Mail –
sie landet direkt bei mir.

Vielen Dank und herzliche Grüße
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
