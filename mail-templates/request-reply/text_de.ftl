<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

Sie haben uns gefragt: „${request.summary}“.

${request.answer}

Herzliche Grüße
${salesperson.name}
${company.name}
${salesperson.email}

---
Sie erhalten diese E-Mail, weil Sie ${company.name} darum gebeten haben.
