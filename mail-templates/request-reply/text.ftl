<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

you asked us: "${request.summary}".

${request.answer}

Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}

---
You are receiving this email because you asked ${company.name} for it.
